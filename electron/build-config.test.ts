import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

interface BuilderConfig {
  productName: string;
  protocols?: unknown;
  mac: { icon: string; protocols: Array<{ schemes: string[] }> };
  linux: { icon: string; mimeTypes: string[]; protocols?: unknown };
  win: { icon: string };
  nsis: { include: string };
}

async function config(): Promise<BuilderConfig> {
  return parse(await read('electron-builder.yml')) as BuilderConfig;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    const schema = JSON.parse(await read('node_modules/app-builder-lib/scheme.json')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const c = await config();
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    // The schema does reject what electron-builder would: an unknown key, a malformed protocol.
    expect(validate({ ...c, protocol: [] })).toBe(false);
    expect(validate({ ...c, mac: { ...c.mac, protocols: [{ schemes: ['mailto'], scheme: 'mailto' }] } })).toBe(false);
  });

  it('has what each target needs to build: the deb its maintainer with an email, a homepage and a description', async () => {
    const c = (await config()) as BuilderConfig & { linux: { target: string[]; maintainer?: string }; mac: { target: string }; win: { target: string } };
    const pkg = JSON.parse(await read('package.json')) as { name: string; version: string; description?: string; author?: { name?: string; email?: string }; homepage?: string; repository?: { url?: string } };
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    // What electron-builder's FpmTarget.computeFpmMetaInfoOptions refuses a deb without.
    expect(c.linux.maintainer ?? `${pkg.author?.name} <${pkg.author?.email}>`).toMatch(/^[^<>]+ <[^\s@<>]+@[^\s@<>]+\.[a-z]+>$/);
    expect(pkg.author?.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
    expect(pkg.homepage ?? pkg.repository?.url).toMatch(/^https:\/\//);
    expect(pkg.repository?.url).toMatch(/^https:\/\//);
    // Every target's package metadata (deb's Description, the NSIS and dmg names) comes from these.
    expect(pkg.description?.length).toBeGreaterThan(10);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(c.productName).toMatch(/^\S/);
  });

  it('declares mailto: for all three platforms, each once', async () => {
    const c = await config();
    expect(c.mac.protocols.flatMap((p) => p.schemes)).toEqual(['mailto']);
    expect(c.linux.mimeTypes).toEqual(['x-scheme-handler/mailto']);
    // A top-level or linux `protocols` would add x-scheme-handler/mailto to the .desktop file a second time.
    expect(c.protocols).toBeUndefined();
    expect(c.linux.protocols).toBeUndefined();
    const nsis = await read(c.nsis.include);
    const install = nsis.slice(nsis.indexOf('!macro customInstall'), nsis.indexOf('!macro customUnInstall'));
    expect(install).toContain('"Software\\Composer\\Capabilities\\URLAssociations" "mailto" "Composer.mailto"');
    expect(install).toContain(`"Software\\Classes\\Composer.mailto\\shell\\open\\command" "" '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`);
    expect(install).toContain('"Software\\RegisteredApplications" "Composer"');
    expect(nsis).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\Composer\.mailto"/);
  });

  it('points at icons that exist in every size the platforms need', async () => {
    const c = await config();
    expect(pngSize(await readFile(path.join(root, c.mac.icon)))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(await readFile(path.join(root, c.linux.icon, `${size}x${size}.png`)))).toEqual([size, size]);
    }
    const ico = await readFile(path.join(root, c.win.icon));
    // ICONDIR: reserved 0, type 1 (icon), then the image count; 256 is stored as 0.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('links the favicon from the page, so the harness and the app serve it instead of a 404', async () => {
    expect(await read('renderer/index.html')).toContain('<link rel="icon" href="./favicon.svg" type="image/svg+xml" />');
    expect((await stat(path.join(root, 'renderer/public/favicon.svg'))).size).toBeGreaterThan(0);
    expect((await stat(path.join(root, 'renderer/public/favicon.ico'))).size).toBeGreaterThan(0);
  });
});
