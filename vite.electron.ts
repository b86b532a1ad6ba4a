import path from 'node:path';

/**
 * How main and preload are built (vite-plugin-electron's `main` and `preload` options):
 * vite.config.ts uses these for `vite build`, and the packaged-main test builds main with
 * the very same options into a folder of its own, so it checks the bundle the app ships.
 */
export function electronMainOptions(root: string, outDir = path.join(root, 'dist-electron')) {
  return {
    entry: path.join(root, 'electron/main.ts'),
    vite: { build: { outDir } },
  };
}

export function electronPreloadOptions(root: string, outDir = path.join(root, 'dist-electron')) {
  return {
    input: path.join(root, 'electron/preload.ts'),
    vite: {
      build: {
        outDir,
        // A sandboxed preload cannot load ES modules.
        rolldownOptions: { output: { format: 'cjs' as const, entryFileNames: '[name].cjs' } },
      },
    },
  };
}
