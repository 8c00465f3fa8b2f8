import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` to `file` (making its folder) under another name, then renames it into place: a
 * build stopped mid-write (Ctrl-C, a CI timeout) leaves no truncated file in a cache that later
 * builds would take as complete and ship.
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
