import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from './asset-path.js';
import { buildCsp } from './csp.js';
import { decideExternalLink, isInAppNavigation } from './links.js';
import { secureWebPreferences } from './web-preferences.js';

describe('content security policy', () => {
  it('lets the packaged renderer reach no network and run no inline or eval code', () => {
    const csp = buildCsp();
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('opens exactly the one socket a caller names', () => {
    expect(buildCsp({ connectSrc: ['ws://127.0.0.1:4000'] })).toContain('connect-src ws://127.0.0.1:4000;');
  });
});

describe('links and navigation', () => {
  it.each([
    ['https://docs.example.com/help', 'open-externally'],
    ['mailto:ann@example.com', 'open-externally'],
    ['http://example.com', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['smb://share/x', 'deny'],
    ['not a url', 'deny'],
  ])('%s -> %s', (url, decision) => {
    expect(decideExternalLink(url)).toBe(decision);
  });

  it('keeps navigation inside the app origin', () => {
    expect(isInAppNavigation('app://bundle/index.html#sent', 'app://bundle')).toBe(true);
    expect(isInAppNavigation('https://bundle/index.html', 'app://bundle')).toBe(false);
    expect(isInAppNavigation('app://evil/index.html', 'app://bundle')).toBe(false);
  });
});

describe('app:// asset paths', () => {
  const root = path.resolve('/srv/renderer');
  it('serves files under the build folder', () => {
    expect(resolveAssetPath(root, 'app://bundle/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, 'app://bundle/assets/index-1.js')).toBe(path.join(root, 'assets/index-1.js'));
  });
  it.each(['app://bundle/../secrets.json', 'app://bundle/%2e%2e/%2e%2e/etc/passwd', 'app://bundle/assets%2f..%2f..%2fx', 'app://bundle/a%5C..%5Cb', 'app://bundle/%00'])(
    'never resolves %s outside the build folder',
    (url) => {
      const resolved = resolveAssetPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    },
  );
  it('refuses separators smuggled in encoded form', () => {
    expect(resolveAssetPath(root, 'app://bundle/assets%2f..%2f..%2fx')).toBeNull();
    expect(resolveAssetPath(root, 'app://bundle/a%5C..%5Cb')).toBeNull();
    expect(resolveAssetPath(root, 'app://bundle/%00')).toBeNull();
  });
});

describe('main window webPreferences', () => {
  it('follow Electron’s security checklist', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});
