import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import security from 'eslint-plugin-security';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  // Who may import whom is checked on the resolved import graph: .dependency-cruiser.cjs (npm run lint:layers).
);
