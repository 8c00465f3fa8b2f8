import { toSearchHit, type PagefindResultData, type SearchHit } from './search-results';

/** The part of Pagefind's browser API this site uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    term: string,
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

/** Runs a search; null when a newer keystroke superseded it. */
export async function search(request: SearchRequest): Promise<SearchHit[] | null> {
  const pagefind = await loadPagefind();
  const response = await pagefind.debouncedSearch(request.query, { filters: request.filters }, 150);
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
          row.append(element('span', 'spoiler-note', 'Matches the official solution (hidden: tick “Include solutions” to see it).'));
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
  if (count === 0) return `No results for “${query}”.`;
  return `${count} page${count === 1 ? '' : 's'} found for “${query}”.`;
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
    options.onQuery?.(query);
    if (query === '') {
      options.status.textContent = '';
      options.list.replaceChildren();
      return;
    }
    try {
      const hits = await search({
        query,
        includeSolutions: options.includeSolutions.checked,
        filters: options.filters?.() ?? {},
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
      pageLink.href = `${base}search/?q=${encodeURIComponent(query)}`;
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
