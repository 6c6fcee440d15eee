// Flat ESLint config: @eslint/js and typescript-eslint recommended rules over the TypeScript and JavaScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layer order of the API (docs/ARCHITECTURE.md, "Placement rule"): controllers call operations; operations use
 * presenters and the domain folders; domain folders never import operations, controllers or presenters. Wiring files
 * (boot, app, main, CLIs, the generated routes) may import anything. A wrong-way import fails `npm run lint`
 * (api/test/unit/layering.test.ts proves it).
 */
const layers = {
  files: ['api/src/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { [fileURLToPath(new URL('./scripts/eslint-ts-resolver.cjs', import.meta.url))]: {} },
    // mode 'full' classifies single files (errors.ts, boot.ts) as well as folders; 7.x names it legacy but keeps it.
    'boundaries/legacy-warnings': false,
    'boundaries/elements': [
      { type: 'controllers', pattern: 'api/src/controllers/**', mode: 'full' },
      { type: 'operations', pattern: 'api/src/operations/**', mode: 'full' },
      { type: 'presenters', pattern: 'api/src/presenters/**', mode: 'full' },
      // What a controller may name besides operations and presenters: the caller's identity and the error types.
      { type: 'kernel', pattern: ['api/src/errors.ts', 'api/src/auth/principal.ts'], mode: 'full' },
      { type: 'wiring', pattern: ['api/src/{app,boot,main,modules}.ts', 'api/src/cli/**', 'api/src/generated/**', 'api/src/http/examples.ts'], mode: 'full' },
      { type: 'domain', pattern: 'api/src/**', mode: 'full' },
    ],
  },
  rules: {
    'boundaries/dependencies': ['error', {
      default: 'disallow',
      policies: [
        { from: { element: { type: 'wiring' } }, allow: { to: { element: { types: { anyOf: ['wiring', 'controllers', 'operations', 'presenters', 'domain', 'kernel'] } } } } },
        { from: { element: { type: 'controllers' } }, allow: { to: { element: { types: { anyOf: ['controllers', 'operations', 'presenters', 'kernel'] } } } } },
        { from: { element: { type: 'operations' } }, allow: { to: { element: { types: { anyOf: ['operations', 'presenters', 'domain', 'kernel'] } } } } },
        { from: { element: { type: 'presenters' } }, allow: { to: { element: { types: { anyOf: ['presenters', 'domain', 'kernel'] } } } } },
        { from: { element: { types: { anyOf: ['domain', 'kernel'] } } }, allow: { to: { element: { types: { anyOf: ['domain', 'kernel'] } } } } },
      ],
    }],
  },
};

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
  layers,
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
