import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWhole } from './write-whole';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a cache file written whole', () => {
  it('appears under its name only complete, and leaves nothing beside it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'write-whole-'));
    folders.push(folder);
    const file = join(folder, 'key.woff2');
    writeWhole(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    writeWhole(file, new Uint8Array([4, 5]));
    expect([...readFileSync(file)], 'a second write replaces the first').toEqual([4, 5]);
    expect(readdirSync(folder), 'no partial file is left').toEqual(['key.woff2']);
  });

  it('makes the folders it goes into', () => {
    const folder = mkdtempSync(join(tmpdir(), 'write-whole-'));
    folders.push(folder);
    const file = join(folder, 'cache', 'fonts', 'key.json');
    writeWhole(file, '{"kept":true}');
    expect(readFileSync(file, 'utf8')).toBe('{"kept":true}');
  });
});
