import type { Plugin } from 'vite';

/** A Vite plugin named `name` that serves `code` as the module `id` (resolved with Rollup's `\0` prefix). */
export function virtualModule(name: string, id: string, code: string): Plugin {
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const resolved = `\0${id}`;
  return {
    name,
    resolveId: { filter: { id: exactly(id) }, handler: () => resolved },
    load: { filter: { id: exactly(resolved) }, handler: () => ({ code }) },
  };
}
