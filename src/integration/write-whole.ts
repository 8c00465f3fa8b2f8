import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `data` to `file` under another name, then renames it into place: a build stopped
 * mid-write (Ctrl-C, a CI timeout) leaves no truncated file in a cache that later builds would
 * take as complete and ship.
 */
export function writeWhole(file: string, data: Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
