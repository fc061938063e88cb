/**
 * `<cg-search>`: the search page in the browser. Reads the search from the URL, runs it with Pagefind's JS API
 * (loaded from this site's /pagefind/, never another origin), shows the results page by page, and writes the search
 * back into the URL so it can be bookmarked. Without JavaScript the form inside still submits to /search/?q=….
 *
 * What to show is decided by lib/search-run.ts and worded by lib/search-messages.ts; this element only wires the
 * events and draws, finding its parts inside itself (parts.ts), as Starlight's search component does.
 */
import { PAGE_SIZE, TYPING_DELAY } from '../../shared/search-config.ts';
import { pageTitle, showMoreLabel } from '../../shared/search-messages.ts';
import { runSearch, wantsSearch, type Entry, type SearchMemo } from '../../shared/search-run.ts';
import { emptyState, stateToUrl, type SearchState } from '../../shared/search-state.ts';
import { SearchForm } from './form.ts';
import { openIndex, type Pagefind } from './open-index.ts';
import { facetInputs, findParts, type SearchParts } from './parts.ts';
import { resultItem } from './result-item.ts';
import { SearchView } from './view.ts';

/**
 * The filters are sent folded (no `open` in the HTML), so a phone paints them in their final state and nothing moves.
 * On a wide screen the stylesheet shows them beside the results whatever the state (search.css, ::details-content);
 * opening them here only keeps the state true to what is seen, and unfolds them in browsers without that selector.
 */
function openFiltersOnWideScreens(filters: HTMLDetailsElement): void {
  const wide = window.matchMedia('(min-width: 50.01rem)');
  const apply = () => {
    if (wide.matches) filters.open = true;
  };
  apply();
  wide.addEventListener('change', apply);
}

class CgSearch extends HTMLElement {
  #parts!: SearchParts;
  #form!: SearchForm;
  #view!: SearchView;
  #pagefind!: Promise<Pagefind>;
  #state: SearchState = emptyState();
  #memo: SearchMemo = {};
  #runId = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The entries of the search shown, and how many of them are drawn. */
  #shown: Entry[] = [];
  #rendered = 0;

  /** The index this page searches (Pagefind's API, every part merged); the relevance tests query it directly. */
  get index(): Promise<Pagefind> {
    return this.#pagefind;
  }

  connectedCallback(): void {
    if (this.#parts) return;
    this.#parts = findParts(this);
    this.#form = new SearchForm(this.#parts.input, facetInputs(this));
    this.#view = new SearchView(this, this.#parts);
    this.#state = this.#form.fromUrl();
    this.#form.write(this.#state);
    openFiltersOnWideScreens(this.#parts.filters);
    this.#pagefind = openIndex();
    this.#pagefind.catch(() => {}); // reported by run()
    this.#listen();
    this.#run();
  }

  #listen(): void {
    const { input, form, more, clearFilters } = this.#parts;
    input.addEventListener('input', () => this.#runSoon());
    input.addEventListener('focus', () => this.#preload(), { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#runNow();
    });
    for (const i of facetInputs(this)) i.addEventListener('change', () => this.#runNow());
    clearFilters.addEventListener('click', () => this.#runNow({ filters: emptyState().filters }));
    // The buttons in the help and hints disappear once used; focus then goes to the new results count.
    this.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-search-action]')?.dataset.searchAction;
      const change: Partial<SearchState> | undefined =
        action === 'include-superseded'
          ? { status: 'all' }
          : action === 'clear-filters'
            ? { filters: emptyState().filters }
            : undefined;
      if (change) this.#runNow(change).then(() => this.#parts.status.focus());
    });
    more.addEventListener('click', () => this.#showMore());
    window.addEventListener('popstate', () => this.#followHistory());
  }

  #preload(): void {
    const term = this.#parts.input.value;
    this.#pagefind.then((pf) => (term ? pf.preload(term) : undefined)).catch(() => {});
  }

  /** Searches what the form says once typing pauses. */
  #runSoon(): void {
    this.#state = this.#form.read();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), TYPING_DELAY);
  }

  /** Searches what the form says now, with `change` applied to it (and to the form). */
  #runNow(change: Partial<SearchState> = {}): Promise<void> {
    clearTimeout(this.#timer);
    this.#state = { ...this.#form.read(), ...change };
    if (Object.keys(change).length) this.#form.write(this.#state);
    return this.#run();
  }

  #followHistory(): void {
    // A link within the page ("Skip to results") also fires popstate; the search is the same, so leave it drawn.
    if (stateToUrl(this.#form.fromUrl()) === stateToUrl(this.#state)) return;
    this.#state = this.#form.fromUrl();
    this.#form.write(this.#state);
    this.#run();
  }

  /** Runs the search of the current state, unless a newer one starts meanwhile. */
  async #run(): Promise<void> {
    const id = ++this.#runId;
    const current = structuredClone(this.#state);
    const url = stateToUrl(current);
    const { region } = this.#parts;
    region.setAttribute('aria-busy', 'true');
    history.replaceState(history.state, '', url);
    document.title = pageTitle(current.q);
    this.#view.summarise(current);
    try {
      await this.#draw(id, current);
    } catch (error) {
      if (id === this.#runId) this.#fail(error);
    }
    // Busy while a search runs; data-search names the search shown (tests and assistive technology wait on these).
    if (id !== this.#runId) return;
    region.dataset.search = url;
    region.setAttribute('aria-busy', 'false');
  }

  async #draw(id: number, state: SearchState): Promise<void> {
    const pagefind = await this.#pagefind;
    if (!wantsSearch(state)) return this.#view.drawStart();
    const started = performance.now();
    const outcome = await runSearch(pagefind, state, this.#memo, this.#form.vocabulary());
    if (id !== this.#runId) return;
    this.#view.drawOutcome(outcome, performance.now() - started);
    this.#shown = outcome.entries;
    this.#rendered = 0;
    await this.#drawMore();
  }

  async #showMore(): Promise<void> {
    const first = this.#rendered;
    await this.#drawMore();
    // Move focus to the first new result, so keyboard users continue where they were.
    this.#parts.results.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
  }

  /** Draws the next page of results. */
  async #drawMore(): Promise<void> {
    const token = this.#runId;
    const batch = this.#shown.slice(this.#rendered, this.#rendered + PAGE_SIZE);
    const items = await Promise.all(batch.map(async (entry) => resultItem(entry, await entry.result.data())));
    if (token !== this.#runId) return; // a newer search has started; it draws its own results
    const { results, more } = this.#parts;
    results.append(...items);
    this.#rendered += batch.length;
    more.hidden = this.#rendered >= this.#shown.length;
    more.textContent = showMoreLabel(this.#shown.length - this.#rendered);
  }

  #fail(error: unknown): void {
    console.error(error);
    // MODE, not DEV: a production build run with NODE_ENV=test (as the tests run it) has DEV set, but not this mode.
    this.#view.drawError(import.meta.env.MODE === 'development');
  }
}

customElements.define('cg-search', CgSearch);
