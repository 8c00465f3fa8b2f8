/**
 * The site's base path in the one form Astro and every hand-written link expect: leading and
 * trailing slash ("/", "/cs230-guide/"). GitHub's configure-pages gives "/repo" without the
 * trailing slash, people type "repo/": both must work.
 */
export function normalizeBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (/[?#\s]/.test(trimmed) || trimmed.includes('://')) {
    throw new Error(`BASE_PATH must be a path such as "/cs230-guide/", got "${trimmed}"`);
  }
  const inner = trimmed.replace(/^\/+|\/+$/g, '');
  return `/${inner}/`;
}

/** Joins the base path and a site-relative path ("exam/problem/") into an absolute URL path. */
export function withBase(base: string, path: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}
