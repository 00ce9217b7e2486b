// Lint rules: the recommended JavaScript and TypeScript sets, type-unaware so `npm run lint` stays fast.
// (Biome was the first choice, but the npm registry reachable from CI lacks its per-platform binaries,
// so `npm ci` could not install it.)
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'adapters/web/public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  { files: ['adapters/web/public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
