// @ts-check
// ESLint flat config. `npm run lint` runs this (with --max-warnings 0) and `prettier --check`;
// formatting is Prettier's job alone, so no stylistic rules are enabled here. It runs `astro sync`
// first: the type-aware rules need Astro's generated content types (.astro/), which a fresh clone lacks.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const root = import.meta.dirname;

/** Every folder under src/tools/, read at load time so a new tool is fenced in without editing this file. */
const toolNames = readdirSync(path.join(root, 'src/tools'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Wide tables and long plots scroll inside a box that must be keyboard-focusable (axe's
// scrollable-region-focusable) and is labelled as a region or group: tabIndex={0} is right there.
/** @type {import('eslint').Linter.RuleEntry} */
const focusableScrollBox = ['error', { roles: ['tabpanel', 'region', 'group'], tags: [] }];

// The strict preset's options for restrict-template-expressions (an option left out defaults to allowed).
const strictTemplates = {
  allowAny: false,
  allowBoolean: false,
  allowNullish: false,
  allowNumber: false,
  allowRegExp: false,
  allowNever: false,
};

const NO_UI = ['./src/ui', './src/tools', './src/components', './src/layouts', './src/pages'];

/**
 * The dependency rule between the folders of src/ (see README "Architecture").
 * `import-x/no-restricted-paths` checks the *resolved* file, so relative paths, the `@tools/*` alias
 * of tsconfig.json, `import type`, CSS/Astro imports and dynamic `import()` are all covered.
 * Paths are relative to the repository root. Folders not listed (pages/, layouts/, components/,
 * scripts/, styles/, content.config.ts) may import anything.
 * scripts/lint-boundaries.test.ts proves each zone fires.
 */
const boundaryZones = [
  {
    target: './src/maths',
    from: './src',
    except: ['./maths'],
    message: 'src/maths/ is course-independent maths: it imports nothing else from src/.',
  },
  {
    target: './src/ui',
    from: './src',
    except: ['./ui', './maths'],
    message: 'src/ui/ (shared island UI) may import only src/maths/.',
  },
  {
    target: './src/tools',
    from: './src',
    except: ['./tools', './maths', './ui'],
    message: 'A tool may import only its own folder, src/maths/ and src/ui/.',
  },
  ...toolNames.map((tool) => ({
    target: `./src/tools/${tool}`,
    from: './src/tools',
    except: [`./${tool}`],
    message: `src/tools/${tool}/ may not import another tool's folder: move shared code to src/ui/ or src/maths/.`,
  })),
  ...['markdown', 'exams', 'integration', 'print'].map((folder) => ({
    target: `./src/${folder}`,
    from: NO_UI,
    message: `src/${folder}/ is build-time code: it imports no UI (ui/, tools/, components/, layouts/, pages/).`,
  })),
  {
    target: './src/search',
    from: './src',
    except: ['./search', './exams'],
    message: 'src/search/ may import only src/exams/.',
  },
  {
    target: './src/importer',
    from: './src',
    except: ['./importer', './exams', './markdown'],
    message: 'src/importer/ writes content: it may import only src/exams/ and src/markdown/.',
  },
  {
    target: './src/practice',
    from: './src',
    except: ['./practice', './exams', './maths', './ui', './tools'],
    message: "src/practice/ may import src/exams/, src/maths/, src/ui/ and the tools' pure models.",
  },
];

export default defineConfig([
  globalIgnores([
    // Build output, caches and reports (see .gitignore).
    'dist/',
    'dist-e2e/',
    '.e2e*/',
    '.astro/',
    'test-results/',
    'playwright-report/',
    'bench-results/',
    // Scratch folders; keep in sync with "exclude" in tsconfig.json.
    '.helpers/',
    '.counters-content/',
    '.labs-content/',
    '.plots-scratch/',
  ]),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // One TypeScript program for the whole repository (tsconfig.json includes **/*, JS too).
        // `project` rather than `projectService`: same results, and less time here (about 27–32 s
        // against 32–39 s of CPU on 2 cores); every linted file is in tsconfig.json anyway.
        project: './tsconfig.json',
        tsconfigRootDir: root,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed bindings are deliberately unused (ignored parameters, rest-omission).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Tuned strict rules (each was a flood of findings that are the codebase's deliberate style):
      // - numbers in template strings are how this maths site builds every label and message
      //   (160 hits); other non-string types (undefined, null, any, objects) are still reported;
      '@typescript-eslint/restrict-template-expressions': ['error', { ...strictTemplates, allowNumber: true }],
      // - tsconfig has noUncheckedIndexedAccess, so `xs[i]!` after a bounds check is the idiomatic
      //   way to index matrices and layer lists (54 hits); TypeScript already forces the decision;
      '@typescript-eslint/no-non-null-assertion': 'off',
      // - `() => setValue(x)` / `() => expect(...)` shorthands are fine: purely stylistic (25 hits).
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `try { localStorage… } catch {}`: storage may be unavailable and there is nothing to do.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Plain JavaScript (scripts/*.mjs, config files) has no annotations, so values are implicitly
    // `any` and the no-unsafe-* family would flag every line; the promise rules stay on.
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { ...strictTemplates, allowNumber: true, allowAny: true },
      ],
    },
  },

  // Astro components: astro-eslint-parser with the TypeScript parser inside. The TypeScript program
  // does not understand .astro files (`astro check` type-checks them), so no type-aware rules there.
  astro.configs['flat/recommended'],
  {
    files: ['**/*.astro', '**/*.astro/*.js', '**/*.astro/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.astro'],
    extends: [astro.configs['flat/jsx-a11y-recommended']],
    rules: { 'astro/jsx-a11y/no-noninteractive-tabindex': focusableScrollBox },
  },

  // Preact islands: accessibility (.tsx) and the rules of hooks (.tsx and hook modules such as
  // src/ui/useLastValid.ts). Both plugins match by JSX element and hook names, so they work for
  // Preact (hooks from 'preact/hooks').
  {
    files: ['**/*.tsx'],
    extends: [jsxA11y.configs.recommended],
    rules: { 'jsx-a11y-x/no-noninteractive-tabindex': focusableScrollBox },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The cast: the plugin's published types do not fit ESLint's Plugin type (its legacy `configs`).
    plugins: { 'react-hooks': /** @type {import('eslint').ESLint.Plugin} */ (reactHooks) },
    rules: {
      // Only the two classic hook rules: the plugin's other recommended rules target the React
      // Compiler's assumptions, which Preact does not share.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    settings: {
      // Preact writes <label for>, React <label htmlFor>; the Astro wrappers read the same settings.
      'jsx-a11y-x': { attributes: { for: ['htmlFor', 'for'] } },
      'jsx-a11y': { attributes: { for: ['htmlFor', 'for'] } },
    },
  },

  // The architecture's dependency rule.
  {
    files: ['src/**/*.{ts,tsx,mts,js,mjs,astro}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs', '.astro'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
    },
  },
]);
