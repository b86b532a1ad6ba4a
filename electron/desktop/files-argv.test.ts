import { describe, expect, it } from 'vitest';
import { MAX_ICON_FILES } from '../../shared/compose-attach.js';
import { filesFromArgv } from './files-argv.js';

const linux = { cwd: '/home/ann/Documents' };

describe('filesFromArgv', () => {
  it.each([
    // Linux: files dropped on the dock icon of the installed app.
    [['/opt/Composer/composer', '/home/ann/report.pdf', '/tmp/photo one.png'], ['/home/ann/report.pdf', '/tmp/photo one.png']],
    // Relative paths are the launching shell's, not this process's.
    [['/opt/Composer/composer', 'notes.txt', '../scan.jpg'], ['/home/ann/Documents/notes.txt', '/home/ann/scan.jpg']],
    // Switches Chromium adds, and links, are not files.
    [['/opt/Composer/composer', '--allow-file-access-from-files', '/home/ann/a.csv', '--original-process-start-time=1'], ['/home/ann/a.csv']],
    [['/opt/Composer/composer', 'mailto:ann@x.io', 'https://x.io/a.pdf', 'file:///etc/passwd'], []],
    [['/opt/Composer/composer'], []],
    [[], []],
    [['composer', 42, null, { path: '/x' }, '  /home/ann/b.txt  '], ['/home/ann/b.txt']],
    // The same file twice is attached once.
    [['composer', '/home/ann/a.csv', '/home/ann/./a.csv'], ['/home/ann/a.csv']],
    [['composer', ''], []],
  ])('%j -> %j', (argv, expected) => {
    expect(filesFromArgv(argv, linux).paths).toEqual(expected);
  });

  it('skips the app folder a development run is started with (`electron .`)', () => {
    expect(filesFromArgv(['/usr/bin/electron', '.', 'draft.txt'], { cwd: '/src/composer', appPath: '/src/composer' }).paths).toEqual(['/src/composer/draft.txt']);
  });

  it(`keeps the first ${MAX_ICON_FILES} files and counts the rest`, () => {
    const many = Array.from({ length: MAX_ICON_FILES + 3 }, (_, i) => `/tmp/f${i}.txt`);
    const { paths, more } = filesFromArgv(['composer', ...many], linux);
    expect(paths).toHaveLength(MAX_ICON_FILES);
    expect(paths[0]).toBe('/tmp/f0.txt');
    expect(more).toBe(3);
  });

  it('ignores an argument too long to be a path', () => {
    expect(filesFromArgv(['composer', `/tmp/${'a'.repeat(5000)}`], linux).paths).toEqual([]);
  });
});
