// The dependency rule between the folders of src/ (eslint.config.js, `import-x/no-restricted-paths`)
// must fire on a forbidden import and stay quiet on an allowed one. Each case lints a small snippet
// under a made-up file name in the real folder, importing a real module (the rule checks resolved
// files, so the target must exist; it is picked from the folder so that renames do not break this).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const RULE = 'import-x/no-restricted-paths';

/** A module in src/<folder> (not a test), as a path from the repository root: `src/ui/numeric-field.ts`. */
function moduleIn(folder: string, extension = /\.tsx?$/): string {
  const dir = path.join(root, 'src', folder);
  const found = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => entry.name)
    .sort()[0];
  if (found === undefined) throw new Error(`no module matching ${String(extension)} in src/${folder}/ for the fixture`);
  return `src/${folder}/${found}`;
}

/** The tools' folder names, sorted. */
function tools(): string[] {
  return readdirSync(path.join(root, 'src/tools'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The specifier a file at `from` writes to import `target` (both from the repository root). */
function specifier(from: string, target: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), target).replace(/\.tsx?$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

let eslint: ESLint;

beforeAll(() => {
  // The snippets are not files on disk, so the TypeScript program cannot type them: lint without
  // type information, and run only the boundary rule (the rest of the config still loads as is).
  const withoutTypes: Linter.Config = { ...(tseslint.configs.disableTypeChecked as Linter.Config), files: ['**/*'] };
  eslint = new ESLint({ cwd: root, overrideConfig: [withoutTypes], ruleFilter: ({ ruleId }) => ruleId === RULE });
});

/** The boundary rule's messages for `code` linted as if it were the file `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (result === undefined) throw new Error(`ESLint returned no result for ${file}`);
  // A parse error would hide the rule: fail on it instead of passing vacuously.
  expect(result.messages.filter((message) => message.fatal === true)).toEqual([]);
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

/** Lints `file` importing each target and returns the boundary messages. */
async function importing(file: string, ...targets: string[]): Promise<string[]> {
  const lines = targets.map((target, i) => `import * as m${i} from '${specifier(file, target)}';`);
  const use = `export const all = [${targets.map((_, i) => `m${i}`).join(', ')}];`;
  const code = file.endsWith('.astro')
    ? `---\n${lines.join('\n')}\n${use}\n---\n<p>x</p>\n`
    : `${lines.join('\n')}\n${use}\n`;
  return boundaryErrors(file, code);
}

const slow = { timeout: 30_000 };

describe('the dependency rule between folders of src/', () => {
  it('maths/ imports nothing of the site', slow, async () => {
    const file = 'src/maths/boundary-fixture.ts';
    expect(await importing(file, moduleIn('maths'))).toEqual([]);
    const ui = await importing(file, moduleIn('ui'));
    expect(ui).toHaveLength(1);
    expect(ui[0]).toMatch(/src\/maths\/ is course-independent maths/);
    expect(await importing(file, moduleIn('exams'))).toHaveLength(1);
    // Type-only and dynamic imports are dependencies too.
    const uiSpecifier = specifier(file, moduleIn('ui'));
    expect(
      await boundaryErrors(file, `import type * as T from '${uiSpecifier}';\nexport type X = typeof T;\n`),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, `export const load = () => import('${uiSpecifier}');\n`)).toHaveLength(1);
  });

  it('resolves the @tools/* alias of tsconfig.json', slow, async () => {
    const tool = tools()[0]!;
    const target = moduleIn(`tools/${tool}`)
      .replace(/^src\/tools\//, '@tools/')
      .replace(/\.tsx?$/, '');
    const errors = await boundaryErrors('src/maths/boundary-fixture.ts', `export * from '${target}';\n`);
    expect(errors).toHaveLength(1);
  });

  it('ui/ may import maths/ only', slow, async () => {
    const file = 'src/ui/BoundaryFixture.tsx';
    expect(await importing(file, moduleIn('maths'), moduleIn('ui'))).toEqual([]);
    const errors = await importing(file, moduleIn('exams'), moduleIn(`tools/${tools()[0]!}`));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/src\/ui\/ \(shared island UI\) may import only src\/maths\//);
  });

  it('a tool may import maths/, ui/ and its own folder, not another tool', slow, async () => {
    const [tool, other] = tools();
    expect(other, 'the fixture needs two tools in src/tools/').toBeDefined();
    const file = `src/tools/${tool!}/BoundaryFixture.tsx`;
    expect(await importing(file, moduleIn('maths'), moduleIn('ui'), moduleIn(`tools/${tool!}`))).toEqual([]);
    const cross = await importing(file, moduleIn(`tools/${other!}`));
    expect(cross).toHaveLength(1);
    expect(cross[0]).toMatch(/may not import another tool's folder/);
    expect(await importing(file, moduleIn('exams'))).toHaveLength(1);
    // Astro components inside a tool's folder are checked too.
    expect(await importing(`src/tools/${tool!}/Fixture.astro`, moduleIn(`tools/${other!}`))).toHaveLength(1);
  });

  it('markdown/, exams/ and integration/ import no UI', slow, async () => {
    expect(await importing('src/markdown/boundary-fixture.ts', moduleIn('exams'))).toEqual([]);
    const markdown = await importing('src/markdown/boundary-fixture.ts', moduleIn('ui'));
    expect(markdown).toHaveLength(1);
    expect(markdown[0]).toMatch(/src\/markdown\/ is build-time code: it imports no UI/);
    expect(await importing('src/exams/boundary-fixture.ts', moduleIn('components', /\.astro$/))).toHaveLength(1);
    expect(await importing('src/integration/boundary-fixture.ts', moduleIn(`tools/${tools()[0]!}`))).toHaveLength(1);
    expect(await importing('src/exams/boundary-fixture.ts', moduleIn('layouts', /\.astro$/))).toHaveLength(1);
  });

  it('search/ imports only exams/', slow, async () => {
    const file = 'src/search/boundary-fixture.ts';
    expect(await importing(file, moduleIn('exams'), moduleIn('search'))).toEqual([]);
    const errors = await importing(file, moduleIn('markdown'), moduleIn('ui'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/src\/search\/ may import only src\/exams\//);
  });

  it('pages, layouts and components may import anything', slow, async () => {
    const everything = [
      moduleIn('maths'),
      moduleIn('ui'),
      moduleIn(`tools/${tools()[0]!}`),
      moduleIn('exams'),
      moduleIn('markdown'),
      moduleIn('search'),
    ];
    expect(await importing('src/pages/boundary-fixture.astro', ...everything)).toEqual([]);
    expect(await importing('src/layouts/BoundaryFixture.astro', ...everything)).toEqual([]);
    expect(await importing('src/components/BoundaryFixture.astro', ...everything)).toEqual([]);
  });
});
