/**
 * Draws the frame around the results: the results count, the notes on a relaxed search and on superseded results,
 * the counts beside the filters, the hints and which help is shown. The results themselves are result-item.ts's.
 */
import {
  describeRelaxation,
  filtersSummary,
  LABELS,
  resultsSentence,
  supersededHint,
  unavailable,
} from '../../shared/search-messages.ts';
import { countsApply, optionCount, type FilterCounts, type SearchOutcome } from '../../shared/search-run.ts';
import { hasFacetFilters, type SearchState } from '../../shared/search-state.ts';
import { countSlots, type SearchParts } from './parts.ts';
import { h } from './result-item.ts';

type Help = 'results' | 'start' | 'none' | 'error';

export class SearchView {
  #root: HTMLElement;
  #parts: SearchParts;

  constructor(root: HTMLElement, parts: SearchParts) {
    this.#root = root;
    this.#parts = parts;
  }

  /** Shows one of the helps (or none, beside results). */
  showHelp(which: Help): void {
    this.#parts.helpStart.hidden = which !== 'start';
    this.#parts.helpNone.hidden = which !== 'none';
    this.#parts.helpError.hidden = which !== 'error';
  }

  /** The summary of the folded filters, kept true to the state being searched. */
  summarise(state: SearchState): void {
    this.#parts.filtersSummary.textContent = filtersSummary(state);
  }

  /** Before any search: no results, no counts, the help on what to search. */
  drawStart(): void {
    this.#clearResults();
    this.#parts.status.textContent = '';
    this.#clearCounts();
    this.showHelp('start');
  }

  /** Everything but the result items, which the element draws page by page. */
  drawOutcome(o: SearchOutcome, ms: number): void {
    const { status, notices } = this.#parts;
    status.textContent = resultsSentence(o.state, o.exactCount, o.entries.length);
    status.dataset.ms = String(Math.round(ms));
    notices.replaceChildren();
    if (o.relaxation) {
      const text = describeRelaxation({ exactCount: o.exactCount, ...o.relaxation });
      notices.append(h('p', { class: 'notice search-relaxed', id: 'search-relaxed' }, text));
    }
    if (o.supersededMore > 0) {
      const button = h(
        'button',
        { type: 'button', 'data-search-action': 'include-superseded' },
        LABELS.includeSuperseded,
      );
      const attrs = { class: 'search-superseded-hint', id: 'search-superseded-hint' };
      notices.append(h('p', attrs, supersededHint(o.supersededMore), button));
    }
    if (countsApply(o)) this.#drawCounts(o.counts);
    else this.#clearCounts();
    this.#parts.hintSuperseded.hidden = o.state.status !== 'current';
    this.#parts.hintFilters.hidden = !hasFacetFilters(o.state);
    this.#parts.results.replaceChildren();
    this.showHelp(o.entries.length ? 'results' : 'none');
  }

  /** Search cannot run: says why, in development how to fix it, and hides what cannot work. */
  drawError(dev: boolean): void {
    this.#clearResults();
    this.#parts.filters.hidden = true;
    const message = unavailable(dev);
    this.#parts.errorText.textContent = message.text;
    this.#parts.status.textContent = message.status;
    this.showHelp('error');
  }

  #clearResults(): void {
    this.#parts.results.replaceChildren();
    this.#parts.notices.replaceChildren();
    this.#parts.more.hidden = true;
  }

  #drawCounts(counts: FilterCounts): void {
    const countOf = (el: HTMLElement) => optionCount(counts, el.dataset.count!);
    for (const el of countSlots(this.#root)) el.textContent = `(${countOf(el)})`;
    this.#offerOptions(countOf);
  }

  /** Without counts (no search yet, or relaxed results) every option is offered. */
  #clearCounts(): void {
    for (const el of countSlots(this.#root)) el.textContent = '';
    this.#offerOptions(null);
  }

  /**
   * Filter options that would show nothing are not offered: an option whose count is 0 is hidden, unless it is
   * ticked (the reader must be able to untick it). "Superseded editions only" follows the superseded count.
   */
  #offerOptions(countOf: ((el: HTMLElement) => number) | null): void {
    for (const el of countSlots(this.#root)) {
      const row = el.closest<HTMLElement>('.filter-option');
      const input = row?.querySelector('input');
      if (!row || !input) continue;
      row.hidden = countOf !== null && countOf(el) === 0 && !input.checked;
      if (input.name === 'status' && input.value === 'all') {
        const only = this.#root.querySelector<HTMLInputElement>('input[name="status"][value="superseded"]');
        const onlyRow = only?.closest<HTMLElement>('.filter-option');
        if (onlyRow && only) onlyRow.hidden = row.hidden && !only.checked;
      }
    }
  }
}
