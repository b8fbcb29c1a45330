import tseslint from 'typescript-eslint';

/** Test doubles live where production code cannot import them. */
const testSupport = [{ group: ['**/test-support/**', '**/tests/**'], message: 'Production code imports no test support.' }];

export default tseslint.config(
  { ignores: ['build/', '**/build/', 'node_modules/', '**/node_modules/', '.data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    // CommonJS preloads (node --require) are plain Node scripts.
    files: ['**/*.cjs', 'plugin-video-escalation/webpack.config.js', 'scripts/fs-stub/index.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read arbitrary JSON responses.
    files: ['tests/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Layers (README.md, "Map of the tree"): the core knows no provider, pages and the plugin know
  // no adapter, and production code never reaches into test support. scripts/lint-layers.test.ts
  // proves each rule fails on a fixture; scripts/import-cycles.test.ts fails on any import cycle.
  {
    files: ['src/core/**/*.ts', 'src/ports/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/adapters/**', '**/client/**'], message: 'Core, ports and domain import no adapter and no browser client.' }, ...testSupport] },
      ],
    },
  },
  {
    // The shared UI layer (src/ui) runs in Flex, on the customer page and in the local console alike.
    files: ['public/**/*.ts', 'public/**/*.tsx', 'plugin-video-escalation/src/**/*.ts', 'plugin-video-escalation/src/**/*.tsx', 'src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/api/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', '**/__mocks__/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/adapters/**'], message: 'Pages, the shared UI and the Flex plugin import no adapter.' }, ...testSupport] },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts', 'src/adapters/**/*.tsx', 'src/client/**/*.ts', 'serverless/**/*.ts', 'scripts/**/*.ts', 'src/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: testSupport }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
