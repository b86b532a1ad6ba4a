import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/specs',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: 'test-results',
});
