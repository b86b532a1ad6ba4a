import { describe, expect, it } from 'vitest';
import { mailtoFromArgv, mailtoFromSecondInstance } from './mailto-argv.js';

describe('mailtoFromArgv', () => {
  it.each([
    [['/opt/Composer/composer', 'mailto:ann@x.io?subject=Hi'], 'mailto:ann@x.io?subject=Hi'],
    // Windows: Chromium switches after the link; a development run with the app path first.
    [['C:\\Composer\\Composer.exe', '--allow-file-access-from-files', 'MAILTO:ann@x.io', '--original-process-start-time=1'], 'MAILTO:ann@x.io'],
    [['/usr/bin/electron', '.', 'mailto:bob@y.org'], 'mailto:bob@y.org'],
    [['/usr/bin/electron', '.', ' mailto:bob@y.org '], 'mailto:bob@y.org'],
    [['/opt/Composer/composer'], null],
    [['/opt/Composer/composer', '--mailto=ann@x.io', 'https://x.io', 'ann@x.io'], null],
    [[], null],
    [['composer', 42, null, 'mailto:c@z.com'], 'mailto:c@z.com'],
    [['composer', `mailto:${'a'.repeat(300 * 1024)}@x.io`], null],
  ])('%j -> %s', (argv, expected) => {
    expect(mailtoFromArgv(argv)).toBe(expected);
  });

  it('takes the first link when a shell passes several', () => {
    expect(mailtoFromArgv(['composer', 'mailto:a@x.io', 'mailto:b@x.io'])).toBe('mailto:a@x.io');
  });
});

describe('mailtoFromSecondInstance', () => {
  it('prefers the link the second instance passed as data, then its argv', () => {
    expect(mailtoFromSecondInstance(['composer', 'mailto:argv@x.io'], { mailto: 'mailto:data@x.io' })).toBe('mailto:data@x.io');
    expect(mailtoFromSecondInstance(['composer', 'mailto:argv@x.io'], { mailto: null })).toBe('mailto:argv@x.io');
    expect(mailtoFromSecondInstance(['composer', 'mailto:argv@x.io'], undefined)).toBe('mailto:argv@x.io');
    expect(mailtoFromSecondInstance(['composer'], { mailto: 'https://evil.example' })).toBeNull();
    expect(mailtoFromSecondInstance(['composer'], {})).toBeNull();
  });
});
