// @ts-check
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

/** Focused or skipped tests hide failures: every test runner's spelling of them is an error. */
const focusedOrSkippedTests = [
  'error',
  ...['fit', 'fdescribe', 'xit', 'xdescribe', 'xtest'].map((name) => ({
    selector: `CallExpression[callee.name='${name}']`,
    message: `${name}() focuses or skips tests; remove it before committing.`,
  })),
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(only|skip|fixme)$/][callee.object.name=/^(describe|it|test)$/]",
    message: 'Focused or skipped tests hide failures; remove .only / .skip / .fixme.',
  },
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(only|skip|fixme)$/][callee.object.type='MemberExpression'][callee.object.object.name='test'][callee.object.property.name='describe']",
    message: 'Focused or skipped tests hide failures; remove .only / .skip / .fixme.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out-tsc/**',
      'coverage/**',
      '.angular/**',
      'test-results/**',
      'playwright-report/**',
      'node_modules/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      ...tseslint.configs.recommended,
      ...tseslint.configs.stylistic,
      ...angular.configs.tsRecommended,
    ],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: ['portal', 'gma', 'admin'], style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: ['portal', 'gma', 'admin'], style: 'kebab-case' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Copied into apps `ng new` generates (tools/consumers.mjs): the CLI's `app` prefix, and the
    // NgModule app's components declared in its module.
    files: ['tools/consumers/fixtures/**/*.ts'],
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-standalone': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': focusedOrSkippedTests, 'no-console': 'off' },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
);
