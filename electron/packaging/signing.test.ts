import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
interface Plan {
  mac: 'signed' | 'unsigned';
  notarized: boolean;
  windows: 'signed' | 'unsigned';
}
type Hook = ((context: { electronPlatformName: string }, env: Record<string, string | undefined>, log: (line: string) => void) => Promise<Plan>) & {
  signingPlan(env: Record<string, string | undefined>): Plan;
};
const hook = createRequire(import.meta.url)(path.join(root, 'build/signing.cjs')) as Hook;

describe('signing and notarization in npm run dist', () => {
  it('is wired into electron-builder as its beforePack hook, and macOS builds use the hardened runtime notarization needs', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as { beforePack: string; mac: { hardenedRuntime: boolean } };
    expect(config.beforePack).toBe('build/signing.cjs');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('without the environment variables builds unsigned, says so, and does not fall back to a keychain identity', async () => {
    const env: Record<string, string | undefined> = {};
    const lines: string[] = [];
    const plan = await hook({ electronPlatformName: 'darwin' }, env, (line) => lines.push(line));
    expect(plan).toEqual({ mac: 'unsigned', notarized: false, windows: 'unsigned', linux: 'unsigned' });
    expect(env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    expect(lines).toEqual(['[signing] macOS: unsigned (set CSC_LINK and CSC_KEY_PASSWORD to sign; see README, Releasing).']);
    await hook({ electronPlatformName: 'win32' }, {}, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/^\[signing\] Windows: unsigned/);
  });

  it('signs and notarizes with the variables electron-builder documents, each pair complete', () => {
    const cert = { CSC_LINK: 'file:///certs/developer-id.p12', CSC_KEY_PASSWORD: 'p' };
    const apple = { APPLE_ID: 'dev@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123456' };
    expect(hook.signingPlan({ ...cert, ...apple })).toMatchObject({ mac: 'signed', notarized: true, windows: 'signed' });
    expect(hook.signingPlan({ ...cert })).toMatchObject({ mac: 'signed', notarized: false });
    // Notarizing needs a signed app; a password without its certificate signs nothing.
    expect(hook.signingPlan({ ...apple })).toMatchObject({ mac: 'unsigned', notarized: false });
    expect(hook.signingPlan({ CSC_LINK: 'x' })).toMatchObject({ mac: 'unsigned', windows: 'unsigned' });
    expect(hook.signingPlan({ WIN_CSC_LINK: 'x', WIN_CSC_KEY_PASSWORD: 'y' })).toMatchObject({ mac: 'unsigned', windows: 'signed' });
  });
});
