import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron/simple';
import { buildCsp } from './electron/security/csp.js';
import { compileHintsAtStart } from './scripts/compile-hints.js';
import { electronMainOptions, electronPreloadOptions } from './vite.electron.js';

const here = import.meta.dirname;
const DEV_PORT = 5173;

/**
 * `vite build` builds the renderer into dist/renderer and, through vite-plugin-electron,
 * main and preload into dist-electron. `vite build --mode harness` builds the renderer
 * plus the harness's WebSocket bridge into dist/harness and no Electron code at all.
 * `vite build --mode harness-server` bundles the harness process (services and server) into
 * dist/harness-server (cli.mjs and the one file it loads), as main is bundled for Electron: a
 * start then loads one file instead of compiling some two hundred TypeScript modules.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'harness-server') {
    return {
      // The libraries too: Node resolves and links each of zod's, conf's and ajv's hundreds of
      // files one by one, which was most of the start; one file is read and compiled at once.
      ssr: { noExternal: true },
      build: {
        // cli.mjs turns Node's compile cache on, then loads the rest (cli-[hash].mjs) through it.
        ssr: path.join(here, 'e2e/harness/launch.ts'),
        outDir: path.join(here, 'dist/harness-server'),
        emptyOutDir: true,
        target: 'node24',
        rolldownOptions: { output: { entryFileNames: 'cli.mjs', chunkFileNames: '[name]-[hash].mjs' } },
      },
    };
  }
  const harness = mode === 'harness';
  const input: Record<string, string> = { index: path.join(here, 'renderer/index.html') };
  if (harness) input['harness-bridge'] = path.join(here, 'e2e/harness/bridge-client.ts');
  return {
    root: path.join(here, 'renderer'),
    base: './',
    plugins: [
      react(),
      compileHintsAtStart(),
      ...(harness
        ? []
        : [
            electron({
              main: electronMainOptions(here),
              preload: electronPreloadOptions(here),
            }),
          ]),
    ],
    server: {
      port: DEV_PORT,
      strictPort: true,
      host: '127.0.0.1',
      headers: { 'Content-Security-Policy': buildCsp({ development: true, connectSrc: [`ws://127.0.0.1:${DEV_PORT}`] }) },
    },
    build: {
      outDir: path.join(here, harness ? 'dist/harness' : 'dist/renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      rolldownOptions: {
        input,
        output: {
          entryFileNames: (chunk) => (chunk.name === 'harness-bridge' ? 'assets/harness-bridge.js' : 'assets/[name]-[hash].js'),
          // zod and the module that configures it share a chunk, in that order, so the setting holds before any
          // schema is built: a chunk runs whole before those importing it (renderer/lib/zod-without-eval.ts).
          codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|renderer[\\/]lib[\\/]zod-without-eval\.ts$/ }] },
        },
      },
    },
  };
});
