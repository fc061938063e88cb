// Lint: correctness rules from ESLint and typescript-eslint, plus the size limits the codebase keeps (a module of
// src/ fits in 300 lines, a function in 80). Formatting is Prettier's (prettier.config.mjs), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'tmp/', 'node_modules/', '.astro/', '**/.dist.incomplete/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Browser code reaches only browser code: src/shared/ and src/client/ (CONTRIBUTING.md, "Folders say where code
    // runs"); tests/unit/architecture/ follows the whole import graph, this names the line at fault while editing.
    files: ['src/shared/**/*.ts', 'src/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'browser code cannot use Node modules' },
            {
              regex: '(^|/)(corpus|site|citing|publish|checks|content-gate|integrations|prerender-tap|schemas)/',
              message: 'browser code imports values only from src/shared/ and src/client/',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and tests run with Node's globals.
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,mjs}', '*.mjs', '*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
