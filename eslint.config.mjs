import nx from '@nx/eslint-plugin';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

// Boundaries on two axes (scope and type). Apps may only import libs; libs never
// import apps; a lower layer never imports a higher one. Only tests may import
// the testing lib.
const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.test.ts', '**/test/**/*.ts'];

function boundaries(extraTypes = []) {
  const allow = (...types) => [...types, ...extraTypes];
  return [
    'error',
    {
      enforceBuildableLibDependency: true,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: allow('type:feature', 'type:data-access', 'type:domain', 'type:util') },
        { sourceTag: 'type:feature', onlyDependOnLibsWithTags: allow('type:feature', 'type:data-access', 'type:domain', 'type:util') },
        { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: allow('type:data-access', 'type:domain', 'type:util') },
        { sourceTag: 'type:domain', onlyDependOnLibsWithTags: allow('type:domain', 'type:util') },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: allow('type:util') },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util', 'type:testing'] },
        { sourceTag: 'scope:control-plane', onlyDependOnLibsWithTags: ['scope:control-plane', 'scope:shared'] },
        { sourceTag: 'scope:executor', onlyDependOnLibsWithTags: ['scope:executor', 'scope:shared'] },
        { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
        { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      ],
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.testenv', 'tools/**/*.mjs', 'tools/**/*.cjs', '**/jest.config.cjs', '**/webpack.config.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing']) },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-console': 'error' },
  },
  // Formatting is Prettier's (.prettierrc.json): a file it would change fails lint.
  { ...prettierRecommended, files: ['**/*.ts', '**/*.tsx', '**/*.mts'] },
];
