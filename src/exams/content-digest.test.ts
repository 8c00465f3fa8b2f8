import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examContentDigest } from './content-digest';

const dir = mkdtempSync(join(tmpdir(), 'content-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}

const digestOf = (exam: string, data: unknown[] = [{ title: 'A' }]) =>
  examContentDigest(
    dir,
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort(),
    new Set(['a', 'b']),
    exam,
    data,
  );

describe('the incremental-build key of an exam’s pages', () => {
  write('a/index.mdx', 'exam a');
  write('a/01-one.mdx', 'problem');
  write('a/data/functions.json', '[1]');
  write('b/index.mdx', 'exam b');

  it('changes when any file of the exam changes, an imported data file included', () => {
    const before = digestOf('a');
    expect(digestOf('a'), 'the same files give the same key').toBe(before);
    write('a/data/functions.json', '[2]');
    expect(digestOf('a'), 'a data file the MDX imports').not.toBe(before);
  });

  it('changes with the entries’ data, and with a file shared by every exam', () => {
    const before = digestOf('a');
    expect(digestOf('a', [{ title: 'B' }]), 'the data as the schema made it').not.toBe(before);
    write('shared/macros.json', '{}');
    expect(digestOf('a'), 'a content file outside every exam folder').not.toBe(before);
    const withShared = digestOf('a');
    write('ab', 'a file beside the folders, named like exam a');
    expect(digestOf('a'), 'a file at the top of the content folder').not.toBe(withShared);
  });

  it('stays the same when only another exam changes', () => {
    const before = digestOf('a');
    write('b/index.mdx', 'exam b, edited');
    write('b/figure.svg', '<svg/>');
    expect(digestOf('a')).toBe(before);
  });
});
