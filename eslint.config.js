// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import lexical from '@lexical/eslint-plugin';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { join } from 'node:path';
import { LAYERS, filesOf } from './layers.config.js';

const root = import.meta.dirname;
const tests = ['**/*.test.ts', '**/*.test.tsx'];
const sourceExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/**
 * One ESLint block per layer of layers.config.js: its imports must resolve inside itself, the layers it
 * may use, node_modules (or only the packages it lists) and, for the Node side, package.json; and it must
 * not name the packages it is denied. Tests sit beside the code but are not part of the layer.
 */
function layerRules(layer) {
  const allowed = [layer.name, ...layer.may].map((name) => {
    const dir = LAYERS.find((l) => l.name === name)?.dir;
    if (dir === undefined) throw new Error(`layers.config.js: ${layer.name} may use unknown layer ${name}`);
    return join(root, dir, '**');
  });
  const packages = layer.packages?.map((name) => join(root, 'node_modules', name, '**'));
  allowed.push(...(packages ?? [join(root, 'node_modules', '**')]));
  // @(…) makes it a glob: the rule wants the exceptions of a glob zone to be globs too.
  if (layer.packageJson) allowed.push(join(root, '@(package.json)'));
  const paths = layer.denyPackages.filter((name) => !name.endsWith('/*'));
  const patterns = layer.denyPackages.filter((name) => name.endsWith('/*'));
  return {
    files: filesOf(layer),
    ignores: tests,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [{ target: layer.dir, from: join(root, '**'), except: allowed, message: layer.why }],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message: layer.why })),
          patterns: patterns.map((group) => ({ group: [group], message: layer.why })),
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.lint-fixture-*/**',
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
    },
  },
  {
    // Imports are resolved the way Node and Vite do (extensionless TypeScript paths), so the layer zones
    // see where an import really lands; a cycle between modules is refused anywhere in the tree.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: sourceExtensions })],
      // Which files the plugin parses to follow imports (no-cycle needs the TypeScript ones).
      'import-x/extensions': sourceExtensions,
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  ...LAYERS.map(layerRules),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
