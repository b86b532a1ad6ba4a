import { builtinModules } from 'node:module';
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import security from 'eslint-plugin-security';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This layer runs in the renderer too: no Node built-ins.' };
// `'fs'` and `'path'` name the same built-ins as `'node:fs'`; without this list they slipped through.
const bareBuiltins = builtinModules
  .filter((name) => !name.startsWith('_') && !name.startsWith('node:'))
  .map((name) => ({ name, message: 'This layer runs in the renderer too: no Node built-ins.' }));
const electronImport = { name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/platform/ may import electron.' };
// A subpath such as 'electron/main' is still Electron.
const electronSubpath = { regex: '^electron/', message: 'Only electron/main.ts, electron/preload.ts and electron/platform/ may import electron.' };
const noDynamicElectron = [
  'error',
  {
    selector: "ImportExpression[source.value=/^electron(\\/|$)/]",
    message: 'Only electron/main.ts, electron/preload.ts and electron/platform/ may import electron, dynamically or not.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\/|$)/]",
    message: 'Only electron/main.ts, electron/preload.ts and electron/platform/ may import electron, dynamically or not.',
  },
];
const servicePatterns = [
  electronSubpath,
  { group: ['**/renderer/**', '**/e2e/**', '**/bench/**', '**/platform/**'], message: 'Services and providers import shared/ and node: only, so they run under plain Node.' },
];
const rendererPatterns = [nodeBuiltins, electronSubpath, { group: ['**/electron/**', '**/e2e/**', '**/bench/**'], message: 'renderer/ imports shared/ only.' }];
// A feature reaches another feature through that feature's index.ts only.
const otherFeatureInternals = (depth) => ({
  regex: `^${'\\.\\./'.repeat(depth)}(?!\\.\\.)[^/]+/(?!index(\\.js|\\.ts)?$).+`,
  message: "A feature imports another feature through its index.ts only, never its internals.",
});

/** The layers of EXAMPLES.md, enforced: who may import whom. */
const layers = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronImport, ...bareBuiltins],
        patterns: [nodeBuiltins, electronSubpath, { group: ['**/electron/**', '**/renderer/**', '**/e2e/**', '**/bench/**'], message: 'shared/ imports nothing of ours.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...bareBuiltins], patterns: rendererPatterns }],
    },
  },
  {
    files: ['renderer/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...bareBuiltins], patterns: [...rendererPatterns, otherFeatureInternals(1)] }],
    },
  },
  {
    files: ['renderer/features/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...bareBuiltins], patterns: [...rendererPatterns, otherFeatureInternals(2)] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/platform/**', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: servicePatterns }],
      'no-restricted-syntax': noDynamicElectron,
    },
  },
  {
    // Providers are pure mappings plus one HTTP call: they know nothing of the wiring or the IPC layer.
    files: ['electron/providers/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronImport],
        patterns: [...servicePatterns, { group: ['**/core', '**/core.js', '**/core.ts', '**/ipc/**'], message: 'Providers know nothing of the core or the IPC layer.' }],
      }],
    },
  },
  {
    // Tests of services and providers run them against the vendor simulators in e2e/, still without Electron.
    files: ['electron/**/*.test.ts'],
    ignores: ['electron/preload.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronImport],
        patterns: [electronSubpath, { group: ['**/renderer/**', '**/platform/**'], message: 'Tests of services and providers run under plain Node.' }],
      }],
      'no-restricted-syntax': noDynamicElectron,
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  security.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { secret: _secret, ...rest } = x` is how we drop a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Keys here come from typed unions and contract names; the rule cannot see types and flags every one.
      'security/detect-object-injection': 'off',
    },
  },
  {
    // Tests, tools and the simulators read and write temp files by computed paths on purpose.
    // The simulators' own checks run on loopback test traffic only.
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**', '*.config.ts'],
    rules: {
      'security/detect-non-literal-fs-filename': 'off',
      'security/detect-non-literal-regexp': 'off',
      'security/detect-unsafe-regex': 'off',
      'security/detect-possible-timing-attacks': 'off',
    },
  },
  ...layers,
);
