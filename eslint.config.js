// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import lexical from '@lexical/eslint-plugin';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Layer boundaries (see CONVENTIONS.md): imports flow renderer -> shared and
 * electron/* -> electron/core -> shared. electron/layers.test.ts checks the same rule by resolving every
 * import; this lint rule points at the offending line while you type.
 */
function restrict(message, paths, patterns) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  };
}

const uiPackages = ['react', 'react-dom', 'lexical'];
const uiPatterns = ['@lexical/*', 'react-dom/*', 'react/*'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@lexical': lexical },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...lexical.configs['flat/recommended'].rules,
      ...restrict(
        'The renderer talks to the notebook only through renderer/api.ts and shared/.',
        [...nodeBuiltins, 'electron', 'better-sqlite3'],
        ['**/electron/**', '**/electron'],
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      'shared/ is the pure contract: it imports nothing outside shared/.',
      [...nodeBuiltins, 'electron', 'better-sqlite3', ...uiPackages],
      [...uiPatterns, '**/electron/**', '**/renderer/**', '../*', '../**'],
    ),
  },
  {
    // One folder down, `../` is still shared/; leaving shared/ takes `../../`.
    files: ['shared/*/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      'shared/ is the pure contract: it imports nothing outside shared/.',
      [...nodeBuiltins, 'electron', 'better-sqlite3', ...uiPackages],
      [...uiPatterns, '**/electron/**', '**/renderer/**', '../../*', '../../**'],
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(
      'electron/core is plain Node shared by every host: no electron, no UI, no host code.',
      ['electron', ...uiPackages],
      [...uiPatterns, '**/renderer/**', '**/main/**', '**/preload/**', '**/web/**', '**/cli/**'],
    ),
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(
      'The browser host and the CLI run in plain Node: they reach the product through electron/core.',
      ['electron', ...uiPackages],
      [...uiPatterns, '**/renderer/**', '**/main/**', '**/preload/**'],
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(
      'The Electron shell is thin: UI code lives in renderer/, product logic in electron/core.',
      uiPackages,
      [...uiPatterns, '**/renderer/**', '**/web/**', '**/cli/**'],
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
