// Lint enforces the layer rules of DESIGN.md: the path of a file says what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'test-output/', 'models/**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', performance: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is headless: pure Node, onnxruntime-node and sharp.
    files: ['engine/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'engine/ never imports electron: it must run headless.' },
      { group: ['**/renderer/**', '**/electron/**'], message: 'engine/ is the bottom layer: it imports neither electron/ nor renderer/.' },
    ]),
  },
  {
    // The renderer sees the rest of the app only through the shared IPC contract, and only its types.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      ...restrict([
        // Regexes, not gitignore groups: a group such as 'electron/*' also matched '../electron/shared/…',
        // and a negated group did not re-allow it.
        { regex: '^electron(/.*)?$', message: 'renderer/ never imports electron: it talks through the preload API.' },
        { group: ['**/engine/**', '**/models/**'], message: 'renderer/ does not import engine/ or models/: ask the main process over IPC.' },
        { regex: '(^|/)electron/(?!shared/)', message: 'renderer/ imports only the shared IPC contract (electron/shared/).' },
      ]),
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      // Value imports from electron/shared would pull zod and node code into the sandboxed page.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/shared/**'], allowTypeImports: true, message: 'renderer/ may import only types from electron/shared/.' }] }],
    },
  },
);
