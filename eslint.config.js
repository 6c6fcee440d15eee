// Flat ESLint config: @eslint/js and typescript-eslint recommended rules over the TypeScript and JavaScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', 'api/src/generated/**', 'widgets/dist/**', 'sdk/dist/**',
      'data/**', 'test-output/**', 'coverage/**', 'api/src/.tsoa-check-*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, ...globals.mocha },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // Unused things are errors, except names that say they are unused on purpose (_err, _req) and rest siblings
      // used to drop a key from an object ({ secret: _s, ...rest }).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Driver results, JSON bodies in tests and mocha/chai chains are untyped by nature; `any` is kept visible, not banned.
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's `expect(x).to.be.true` style assertions are expressions.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true, allowTaggedTemplates: true }],
      // tsoa controllers and Sequelize models use declaration merging and empty interfaces for OpenAPI shapes.
      '@typescript-eslint/no-empty-object-type': 'off',
      // `void promise` marks deliberate fire-and-forget calls.
      'no-void': 'off',
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.empty`) are expressions by design.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Plain JS build and test scripts (CommonJS or ESM): require() is fine there.
    files: ['**/*.cjs', 'scripts/**/*.mjs', '*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
