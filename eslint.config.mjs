// typescript-eslint's recommended rules over the TypeScript and JavaScript of the repository.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.tools/**', 'node_modules/**', 'test/fixtures/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_` names a value left out on purpose (`({ collapsedText: _, ...range })`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `interface SectionHeading extends Token {}` names a concept of the model.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  // Functions these files hand to the browser (page.evaluate) run there.
  { files: ['test/e2e/ui/**', 'bench/activation.mjs'], languageOptions: { globals: { ...globals.browser } } },
);
