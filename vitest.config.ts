import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,renderer,shared,e2e,bench,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: simulators, SQLite files and child processes share them.
    maxWorkers: 2,
    // electron-store imports electron, which only Electron provides: run it through vitest so a test's vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
