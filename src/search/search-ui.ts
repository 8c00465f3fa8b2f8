import { toSearchHit, type PagefindResultData, type SearchHit } from './search-results';

/** The part of Pagefind's browser API this site uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    term: string | null,
    options?: { filters?: Record<string, string> },
    timeoutMs?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const base = import.meta.env.BASE_URL;
let pagefindLoading: Promise<Pagefind> | undefined;

/** Pagefind's bundle is generated after the site build, so it is loaded by URL, under the base path. */
function loadPagefind(): Promise<Pagefind> {
  pagefindLoading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return pagefindLoading;
}

export interface SearchRequest {
  query: string;
  includeSolutions: boolean;
  filters: Record<string, string>;
  limit: number;
}

/** Runs a search; null when a newer keystroke superseded it. An empty query lists every page the filters match. */
export async function search(request: SearchRequest): Promise<SearchHit[] | null> {
  const pagefind = await loadPagefind();
  const term = request.query === '' ? null : request.query;
  const response = await pagefind.debouncedSearch(term, { filters: request.filters }, 150);
  if (!response) return null;
  const data = await Promise.all(response.results.slice(0, request.limit).map((result) => result.data()));
  return data.map((item) => toSearchHit(item, { includeSolutions: request.includeSolutions }));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderHits(list: HTMLElement, hits: readonly SearchHit[]): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = element('li');
      const title = element('a', undefined, hit.title);
      title.href = hit.url;
      const matches = element('ul');
      for (const match of hit.matches) {
        const row = element('li');
        const link = element('a', undefined, match.label);
        link.href = match.url;
        row.append(link, ' ');
        if (match.excerpt === null) {
          row.append(element('span', 'spoiler-note', 'Matches a solution (hidden; tick Include solutions to see it)'));
        } else {
          const excerpt = element('span');
          // Pagefind escapes the page text and adds only <mark> around matched words.
          excerpt.innerHTML = match.excerpt;
          row.append(excerpt);
        }
        matches.append(row);
      }
      item.append(title);
      if (hit.exam) item.append(element('span', 'muted', ` · ${hit.exam}`));
      item.append(matches);
      return item;
    }),
  );
}

function statusText(query: string, count: number): string {
  const pages = `${count} page${count === 1 ? '' : 's'}`;
  if (query === '') return count === 0 ? 'No page matches these filters.' : `${pages} match these filters.`;
  if (count === 0) return `No results for “${query}”.`;
  return `${pages} found for “${query}”.`;
}

/**
 * Arrow keys move from the query box through the result links and back; Enter follows the
 * focused link as any link does.
 */
export function bindResultKeys(input: HTMLInputElement, list: HTMLElement): void {
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const move = (event: KeyboardEvent, from: number) => {
    const all = links();
    if (all.length === 0) return;
    const to = event.key === 'ArrowDown' ? from + 1 : from - 1;
    event.preventDefault();
    if (to < 0) input.focus();
    else all[Math.min(to, all.length - 1)]?.focus();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') move(event, -1);
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = links().indexOf(event.target as HTMLAnchorElement);
    if (current >= 0) move(event, current);
  });
}

/** Binds a query input, an include-solutions checkbox and optional filters to a result list. */
export function bindSearch(options: {
  input: HTMLInputElement;
  includeSolutions: HTMLInputElement;
  status: HTMLElement;
  list: HTMLElement;
  limit: number;
  filters?: () => Record<string, string>;
  onQuery?: (query: string) => void;
}): () => void {
  const run = async () => {
    const query = options.input.value.trim();
    const filters = options.filters?.() ?? {};
    options.onQuery?.(query);
    if (query === '' && Object.keys(filters).length === 0) {
      options.status.textContent = '';
      options.list.replaceChildren();
      return;
    }
    try {
      const hits = await search({
        query,
        includeSolutions: options.includeSolutions.checked,
        filters,
        limit: options.limit,
      });
      if (hits === null) return;
      options.status.textContent = statusText(query, hits.length);
      renderHits(options.list, hits);
    } catch {
      options.status.textContent = 'Search is unavailable right now (the search index could not be loaded).';
    }
  };
  options.input.addEventListener('input', () => void run());
  options.includeSolutions.addEventListener('change', () => void run());
  bindResultKeys(options.input, options.list);
  return () => void run();
}

export function attachDropdownSearch(box: HTMLElement, input: HTMLInputElement): void {
  const panel = box.querySelector<HTMLElement>('.search-panel');
  const includeSolutions = box.querySelector<HTMLInputElement>('[data-include-solutions]');
  const status = box.querySelector<HTMLElement>('[data-search-status]');
  const list = box.querySelector<HTMLElement>('[data-search-results]');
  const pageLink = box.querySelector<HTMLAnchorElement>('[data-search-page-link]');
  if (!panel || !includeSolutions || !status || !list || !pageLink) return;

  const rerun = bindSearch({
    input,
    includeSolutions,
    status,
    list,
    limit: 6,
    onQuery: (query) => {
      panel.hidden = query === '';
      // The search page opens with the same query and the same choice about solutions.
      const params = new URLSearchParams({ q: query });
      if (includeSolutions.checked) params.set('solutions', '1');
      pageLink.href = `${base}search/?${params}`;
    },
  });
  void loadPagefind();
  if (input.value.trim() !== '') rerun();

  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      input.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!box.contains(event.target as Node)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') panel.hidden = false;
  });
}
