/**
 * The search form and its filters as a SearchState (lib/search-state.ts), both ways, and the state in the URL.
 */
import { FACET_KEYS, type FacetKey } from '../../shared/search-facets.ts';
import { parseState, type SearchState } from '../../shared/search-state.ts';
import type { Vocabulary } from '../../shared/search-names.ts';

export class SearchForm {
  #input: HTMLInputElement;
  #facets: HTMLInputElement[];
  /** Values the filters offer; a URL naming any other value (an old bookmark) has it dropped. */
  #offered: Set<string>;

  constructor(input: HTMLInputElement, facets: HTMLInputElement[]) {
    this.#input = input;
    this.#facets = facets;
    this.#offered = new Set(facets.map((i) => `${i.name}:${i.value}`));
  }

  read(): SearchState {
    const params = new URLSearchParams();
    params.set('q', this.#input.value);
    for (const i of this.#facets) if (i.checked) params.append(i.name, i.value);
    return parseState(params);
  }

  write(state: SearchState): void {
    this.#input.value = state.q;
    for (const i of this.#facets) {
      i.checked =
        i.name === 'status' ? i.value === state.status : (state.filters[i.name as FacetKey] ?? []).includes(i.value);
    }
  }

  /** The state in the page's URL, without filter values the page does not offer. */
  fromUrl(): SearchState {
    const state = parseState(new URL(location.href).searchParams);
    for (const key of FACET_KEYS)
      state.filters[key] = state.filters[key].filter((v) => this.#offered.has(`${key}:${v}`));
    return state;
  }

  /** The profiles and editions a query can name, as the filters list them (SearchFilters.astro). */
  vocabulary(): Vocabulary {
    const of = (name: string) => this.#facets.filter((i) => i.name === name);
    return {
      profiles: of('profile').map((i) => ({ label: i.value, name: i.dataset.name ?? '' })),
      editions: of('edition').map((i) => ({ label: i.value, current: i.hasAttribute('data-current') })),
    };
  }
}
