import { describe, expect, it } from 'vitest';
import { chunksRunAtStart } from './compile-hints.js';

describe('the chunks a window compiles eagerly', () => {
  it('are its entries and what they import, not the screens it loads on demand', () => {
    const chunks = [
      { fileName: 'assets/index.js', isEntry: true, imports: ['assets/editor.js'] },
      { fileName: 'assets/editor.js', isEntry: false, imports: ['assets/shared.js'] },
      { fileName: 'assets/shared.js', isEntry: false, imports: ['assets/editor.js'] },
      { fileName: 'assets/harness-bridge.js', isEntry: true, imports: [] },
      // A screen opened later: reached only by a dynamic import, so not among anyone's imports.
      { fileName: 'assets/settings.js', isEntry: false, imports: ['assets/shared.js'] },
    ];
    expect([...chunksRunAtStart(chunks)].sort()).toEqual(['assets/editor.js', 'assets/harness-bridge.js', 'assets/index.js', 'assets/shared.js']);
  });
});
