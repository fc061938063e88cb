/**
 * The search page in the browser: reads the search from the URL, runs it with Pagefind's JS API (loaded from this
 * site's /pagefind/, never another origin), shows results with their edition, status, date, excerpt and the
 * findings or sections that matched, and writes the search back into the URL so it can be bookmarked.
 *
 * The decisions live in pure modules: URL state and filters (lib/search-state.ts), query relaxation
 * (lib/search-relax.ts), settings (lib/search-config.ts). This file only searches and draws.
 */
import { MAX_SUB_RESULTS, MIN_RESULTS, PAGE_SIZE, PAGEFIND_OPTIONS, PAGEFIND_PATH, TYPING_DELAY } from '../lib/search-config.ts';
import { FACETS, FACET_KEYS, type FacetKey } from '../lib/search-facets.ts';
import { canRelax, describeRelaxation, isStopWord, planRelaxation, rankByCoverage, searchTerm, type WordHits } from '../lib/search-relax.ts';
import { preferGuidance, RERANK_DEPTH } from '../lib/search-rank.ts';
import { describeScope, emptyState, hasFacetFilters, pagefindFilters, parseState, stateToUrl, type SearchState } from '../lib/search-state.ts';

// ---------------------------------------------------------------------------------------------------------------
// The parts of Pagefind's JS API we use (pagefind_web_js/types/index.d.ts, 1.6.0).

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: object }): Promise<PagefindResponse | null>;
  preload(term: string, options?: object): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** Loads Pagefind from this site. The URL is built at run time so that Vite leaves the import alone. */
async function loadPagefind(): Promise<Pagefind> {
  const url = `${PAGEFIND_PATH}pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options(PAGEFIND_OPTIONS);
  await pagefind.init();
  // Filter counts come back with results only for filters already loaded.
  await pagefind.filters();
  return pagefind;
}

/**
 * Pagefind's results with guidance before sources for the same match (lib/search-rank.ts). Only the head is
 * re-ranked: it needs each result's metadata, which the first page of results loads anyway.
 */
async function guidanceFirst(results: PagefindResult[], query: string): Promise<PagefindResult[]> {
  const head = await Promise.all(results.slice(0, RERANK_DEPTH).map(async (result) => {
    const { meta } = await result.data();
    return { result, score: result.score, kind: meta.kind, cite: meta.cite };
  }));
  return [...preferGuidance(head, query).map((x) => x.result), ...results.slice(RERANK_DEPTH)];
}

async function search(pagefind: Pagefind, term: string | null, filters: object): Promise<PagefindResponse> {
  const response = await pagefind.search(term, { filters });
  if (!response) throw new Error('Pagefind returned no response');
  return response;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing helpers

/** Creates an element with attributes and children (strings become text, never HTML). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const child of children) if (child) el.append(child);
  return el;
}

/**
 * Pagefind excerpts are escaped text with <mark> around matches; keep exactly that and nothing else, and do not
 * highlight words that carry no meaning ("at", "the"), which would only hide the ones that do.
 */
function excerptNode(excerpt: string, className: string): HTMLElement {
  const p = h('p', { class: className });
  p.innerHTML = excerpt
    .replace(/<(?!\/?mark>)[^>]*>/g, '')
    .replace(/<mark>([^<]*)<\/mark>/g, (whole, word: string) => (isStopWord(word.replace(/[^\p{L}\p{N}'’]/gu, '')) ? word : whole));
  return p;
}

/**
 * The filters are sent folded (no `open` in the HTML), so a phone paints them in their final state and nothing moves.
 * On a wide screen the stylesheet shows them beside the results whatever the state (search.css, ::details-content);
 * opening them here only keeps the state true to what is seen, and unfolds them in browsers without that selector.
 */
function openFiltersOnWideScreens(filters: HTMLDetailsElement): void {
  const wide = window.matchMedia('(min-width: 50.01rem)');
  const apply = () => { if (wide.matches) filters.open = true; };
  apply();
  wide.addEventListener('change', apply);
}

/** A profile's answer under its title: the conclusions in one line (labels.ts conclusionsLine), from the index. */
function answerLine(meta: PagefindData['meta']): HTMLElement | null {
  return meta.answer ? h('p', { class: 'result-answer' }, meta.answer) : null;
}

/**
 * Filter options that would show nothing are not offered: an option whose count is 0 is hidden, unless it is ticked
 * (the reader must be able to untick it). "Superseded editions only" follows the superseded count. Without counts
 * (no search yet, or relaxed results) every option is offered.
 */
function offerOptions(countOf: ((el: HTMLElement) => number) | null): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-count]')) {
    const row = el.closest<HTMLElement>('.filter-option');
    const input = row?.querySelector('input');
    if (!row || !input) continue;
    row.hidden = countOf !== null && countOf(el) === 0 && !input.checked;
    if (input.id === 'status-all') {
      const only = document.getElementById('status-superseded') as HTMLInputElement | null;
      const onlyRow = only?.closest<HTMLElement>('.filter-option');
      if (onlyRow && only) onlyRow.hidden = row.hidden && !only.checked;
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const FACET_LABELS = Object.fromEntries(FACETS.map((f) => [f.key, f.label])) as Record<FacetKey, string>;

// ---------------------------------------------------------------------------------------------------------------

/** One line of the result list: a page, and for a relaxed match the reader's words it lacks. */
interface Entry {
  result: PagefindResult;
  missing?: string[];
}

interface Outcome {
  state: SearchState;
  entries: Entry[];
  exactCount: number;
  relaxNote?: string;
  supersededMore: number;
  counts: FilterCounts;
  ms: number;
}

/** Starts the search page: wires the form, filters and buttons, and runs the search in the URL, if any. */
export function startSearchPage(): void {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const form = $<HTMLFormElement>('search-form');
  const input = $<HTMLInputElement>('page-search');
  const status = $('search-status');
  const notices = $('search-notices');
  const list = $<HTMLOListElement>('search-results');
  const more = $<HTMLButtonElement>('search-more');
  const filters = $<HTMLDetailsElement>('search-filters');
  const filtersSummary = $('search-filters-summary');
  const helpStart = $('search-help-start');
  const helpNone = $('search-help-none');
  const helpError = $('search-help-error');
  // Busy while a search runs; data-search names the search shown (tests and assistive technology wait on these).
  const region = list.closest('section') as HTMLElement;
  const facetInputs = () => [...document.querySelectorAll<HTMLInputElement>('input[form="search-form"]')];

  /** Values the filters offer; a URL naming any other value (an old bookmark) has it dropped. */
  const offered = new Set(facetInputs().map((i) => `${i.name}:${i.value}`));

  const readForm = (): SearchState => {
    const params = new URLSearchParams();
    params.set('q', input.value);
    for (const i of facetInputs()) if (i.checked) params.append(i.name, i.value);
    return parseState(params);
  };
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    for (const i of facetInputs()) {
      i.checked = i.name === 'status' ? i.value === state.status : (state.filters[i.name as FacetKey] ?? []).includes(i.value);
    }
  };
  const fromUrl = (): SearchState => {
    const state = parseState(new URL(location.href).searchParams);
    for (const key of FACET_KEYS) state.filters[key] = state.filters[key].filter((v) => offered.has(`${key}:${v}`));
    return state;
  };

  const show = (which: 'results' | 'start' | 'none' | 'error') => {
    helpStart.hidden = which !== 'start';
    helpNone.hidden = which !== 'none';
    helpError.hidden = which !== 'error';
  };

  let state = fromUrl();
  writeForm(state);
  openFiltersOnWideScreens(filters);

  const pagefindReady = loadPagefind();
  pagefindReady.catch(() => {}); // reported by run()

  let runId = 0;
  /** Pages in the index, for the weight of a word (asked once). */
  let totalPages: number | undefined;
  let shown: Entry[] = [];
  let rendered = 0;

  /** Runs the search of `state`, unless a newer one has started meanwhile. */
  const run = async () => {
    const id = ++runId;
    const current = structuredClone(state);
    region.setAttribute('aria-busy', 'true');
    history.replaceState(history.state, '', stateToUrl(current));
    document.title = current.q ? `Search: ${current.q} | Country Guidance` : 'Search | Country Guidance';
    updateFiltersSummary(current);
    const done = () => {
      if (id !== runId) return;
      region.dataset.search = stateToUrl(current);
      region.setAttribute('aria-busy', 'false');
    };
    let pagefind: Pagefind;
    try {
      pagefind = await pagefindReady;
    } catch (error) {
      showError(error);
      return done();
    }
    if (!current.q && !hasFacetFilters(current)) {
      list.replaceChildren();
      notices.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      clearCounts();
      show('start');
      return done();
    }
    try {
      const outcome = await execute(pagefind, current);
      if (id !== runId) return;
      await render(outcome);
    } catch (error) {
      if (id === runId) showError(error);
    }
    done();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const runSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_DELAY);
  };

  input.addEventListener('input', () => {
    state = readForm();
    runSoon();
  });
  input.addEventListener('focus', () => {
    pagefindReady.then((pf) => (input.value ? pf.preload(input.value) : undefined)).catch(() => {});
  }, { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = readForm();
    run();
  });
  for (const i of facetInputs()) {
    i.addEventListener('change', () => {
      clearTimeout(timer);
      state = readForm();
      run();
    });
  }
  const clearFilters = () => {
    state = { ...readForm(), filters: emptyState().filters };
    writeForm(state);
    return run();
  };
  const includeSuperseded = () => {
    state = { ...readForm(), status: 'all' };
    writeForm(state);
    return run();
  };
  document.getElementById('search-clear-filters')?.addEventListener('click', clearFilters);
  // The buttons in the help and hints disappear once used; focus then goes to the new results count, not the page top.
  document.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-search-action]')?.dataset.searchAction;
    const done = action === 'include-superseded' ? includeSuperseded() : action === 'clear-filters' ? clearFilters() : undefined;
    done?.then(() => status.focus());
  });
  more.addEventListener('click', async () => {
    const first = rendered;
    await renderMore();
    // Move focus to the first new result, so keyboard users continue where they were.
    list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    // A link within the page ("Skip to results") also fires popstate; the search is the same, so leave it drawn.
    if (stateToUrl(fromUrl()) === stateToUrl(state)) return;
    state = fromUrl();
    writeForm(state);
    run();
  });

  run();

  // -------------------------------------------------------------------------------------------------------------

  /** Runs the searches of one state: the query, the counts of each filter group, and, if needed, the relaxation. */
  async function execute(pagefind: Pagefind, s: SearchState): Promise<Outcome> {
    const started = performance.now();
    const term = s.q ? searchTerm(s.q) : null;
    const main = await search(pagefind, term, pagefindFilters(s));

    // Counts per filter group ignore the group's own selection: ticking a second box widens, it does not narrow.
    const counts: FilterCounts = { ...main.filters };
    const others = await Promise.all(
      [...FACET_KEYS.filter((k) => s.filters[k].length > 0), 'status' as const].map(async (key) => [key, await search(pagefind, term, pagefindFilters(s, key))] as const),
    );
    for (const [key, response] of others) counts[key] = response.filters[key] ?? {};
    const statusCounts = counts.status ?? {};
    const supersededMore = s.status === 'current' ? (statusCounts.superseded ?? 0) : 0;

    const ranked = s.q ? await guidanceFirst(main.results, s.q) : main.results;
    const entries: Entry[] = ranked.map((result) => ({ result }));
    let relaxNote: string | undefined;
    if (s.q && main.results.length < MIN_RESULTS && canRelax(s.q)) {
      const plan = planRelaxation(s.q);
      totalPages ??= (await search(pagefind, null, {})).unfilteredResultCount;
      const total = totalPages;
      const byId = new Map<string, PagefindResult>();
      const perWord: WordHits[] = await Promise.all(
        plan.words.map(async (word) => {
          const r = await search(pagefind, word, pagefindFilters(s));
          for (const x of r.results) byId.set(x.id, x);
          return { word, pagesWithWord: r.unfilteredResultCount, hits: r.results.map((x) => ({ id: x.id, score: x.score })) };
        }),
      );
      const unknown = perWord.filter((w) => w.pagesWithWord === 0).map((w) => w.word);
      const ranked = rankByCoverage(perWord, total, new Set(main.results.map((r) => r.id)));
      if (ranked.length || unknown.length) relaxNote = describeRelaxation({ exactCount: main.results.length, plan, unknown });
      for (const hit of ranked) entries.push({ result: byId.get(hit.id)!, missing: hit.missing });
    }
    return { state: s, entries, exactCount: main.results.length, relaxNote, supersededMore, counts, ms: performance.now() - started };
  }

  async function render(o: Outcome) {
    const { state: s } = o;
    const scope = describeScope(s, FACET_LABELS);
    const relaxedCount = o.entries.length - o.exactCount;
    const what = s.q ? `for “${s.q}”` : 'for the chosen filters';
    let sentence: string;
    if (o.entries.length === 0) sentence = `No results ${what} (${scope}).`;
    else if (relaxedCount === 0) sentence = `${plural(o.exactCount, 'result')} ${what} (${scope}).`;
    else sentence = `${o.exactCount === 0 ? 'No page contains every word' : `${plural(o.exactCount, 'page')} ${o.exactCount === 1 ? 'contains' : 'contain'} every word`}; ${plural(relaxedCount, 'more page')} ${relaxedCount === 1 ? 'contains' : 'contain'} some of them (${scope}).`;
    status.textContent = sentence;
    status.dataset.ms = String(Math.round(o.ms));

    notices.replaceChildren();
    if (o.relaxNote) notices.append(h('p', { class: 'notice search-relaxed', id: 'search-relaxed' }, o.relaxNote));
    if (o.supersededMore > 0) {
      notices.append(
        h('p', { class: 'search-superseded-hint', id: 'search-superseded-hint' },
          `${plural(o.supersededMore, 'more result')} ${o.supersededMore === 1 ? 'is' : 'are'} in superseded editions. `,
          h('button', { type: 'button', 'data-search-action': 'include-superseded' }, 'Include superseded editions')),
      );
    }

    // Counts are of pages containing every word; beside relaxed results they would mislead, so they are left out.
    const countOf = (el: HTMLElement) => {
      const [key, ...rest] = el.dataset.count!.split(':');
      const value = rest.join(':');
      return key === 'status' ? o.counts.status?.superseded ?? 0 : o.counts[key]?.[value] ?? 0;
    };
    if (relaxedCount > 0) clearCounts();
    else for (const el of document.querySelectorAll<HTMLElement>('[data-count]')) el.textContent = `(${countOf(el)})`;
    offerOptions(relaxedCount > 0 ? null : countOf);

    document.getElementById('search-hint-superseded')!.hidden = s.status !== 'current';
    document.getElementById('search-hint-filters')!.hidden = !hasFacetFilters(s);

    shown = o.entries;
    rendered = 0;
    list.replaceChildren();
    show(o.entries.length ? 'results' : 'none');
    await renderMore();
  }

  async function renderMore() {
    const token = runId;
    const batch = shown.slice(rendered, rendered + PAGE_SIZE);
    const items = await Promise.all(batch.map(async (entry) => resultItem(entry, await entry.result.data())));
    if (token !== runId) return; // a newer search has started; it draws its own results
    list.append(...items);
    rendered += batch.length;
    more.hidden = rendered >= shown.length;
    more.textContent = `Show more results (${shown.length - rendered} more)`;
  }

  function resultItem(entry: Entry, data: PagefindData): HTMLLIElement {
    const m = data.meta;
    const superseded = m.status === 'superseded';
    const title = m.title || data.url;
    const link = h('a', { href: data.url }, title, superseded ? h('span', { class: 'visually-hidden' }, ` (superseded: ${m.edition} edition)`) : null);
    const badge = m.status
      ? h('span', { class: `status ${superseded ? 'status-superseded' : 'status-current'}` }, superseded ? `Superseded: ${m.edition} edition` : 'Current')
      : null;
    const facts = [m.kind, m.country, !superseded && m.edition ? `${m.edition} edition` : undefined, m.date].filter(Boolean).join(' · ');
    const subs = data.sub_results
      .filter((sub) => sub.url !== data.url && sub.url.includes('#'))
      .map((sub, order) => ({ sub, order, weight: (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_SUB_RESULTS)
      .sort((a, b) => a.order - b.order)
      .map(({ sub }) => h('li', {}, h('a', { href: sub.url }, sub.title), excerptNode(sub.excerpt, 'result-excerpt')));
    return h('li', { class: `search-result${superseded ? ' is-superseded' : ''}` },
      h('h3', { class: 'result-title' }, link),
      h('p', { class: 'result-meta' }, badge, badge && ' ', facts),
      answerLine(m),
      excerptNode(data.excerpt, 'result-excerpt'),
      subs.length ? h('ul', { class: 'sub-results', 'aria-label': `Matching sections of ${title}` }, ...subs) : null,
      entry.missing?.length ? h('p', { class: 'result-missing' }, 'Does not contain: ', entry.missing.map((w) => `“${w}”`).join(', ')) : null,
    );
  }

  function clearCounts() {
    for (const el of document.querySelectorAll<HTMLElement>('[data-count]')) el.textContent = '';
    offerOptions(null);
  }

  function updateFiltersSummary(s: SearchState) {
    const n = FACET_KEYS.reduce((sum, k) => sum + s.filters[k].length, 0);
    const editions = { current: 'current guidance only', all: 'with superseded editions', superseded: 'superseded editions only' }[s.status];
    filtersSummary.textContent = n ? `${editions}, ${plural(n, 'filter')}` : editions;
  }

  function showError(error: unknown) {
    console.error(error);
    list.replaceChildren();
    notices.replaceChildren();
    more.hidden = true;
    filters.hidden = true;
    // MODE, not DEV: a production build run with NODE_ENV=test (as the tests run it) has DEV set, but not this mode.
    const dev = import.meta.env.MODE === 'development';
    const text = dev
      ? 'Search works after `npm run build`: the index is made from the built site. Run `npm run build` once, then reload this page; `npm run dev` serves the index of the last build.'
      : 'The search index could not be loaded. Reload the page to try again.';
    document.getElementById('search-error-text')!.textContent = text;
    status.textContent = dev ? 'Search works after npm run build.' : 'Search is not available.';
    show('error');
  }
}
