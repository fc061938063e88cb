/**
 * The parts of the search component, found inside its own root by their `data-part` names (set in
 * components/search/), never by ids that other files define. A missing part is an error in the markup.
 */
const PART_NAMES = {
  form: 'form',
  input: 'input',
  region: 'section',
  status: 'p',
  notices: 'div',
  results: 'ol',
  more: 'button',
  filters: 'details',
  filtersSummary: 'span',
  clearFilters: 'button',
  helpStart: 'div',
  helpNone: 'div',
  helpError: 'div',
  errorText: 'p',
  hintSuperseded: 'li',
  hintFilters: 'li',
} as const satisfies Record<string, keyof HTMLElementTagNameMap>;

type PartNames = typeof PART_NAMES;
export type SearchParts = { [K in keyof PartNames]: HTMLElementTagNameMap[PartNames[K]] };

/** The part names as written in the markup: `filtersSummary` is `data-part="filters-summary"`. */
export const partAttribute = (name: keyof PartNames) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function findParts(root: HTMLElement): SearchParts {
  const parts: Partial<Record<keyof PartNames, HTMLElement>> = {};
  for (const name of Object.keys(PART_NAMES) as (keyof PartNames)[]) {
    const el = root.querySelector<HTMLElement>(`${PART_NAMES[name]}[data-part="${partAttribute(name)}"]`);
    if (!el) throw new Error(`The search component has no ${partAttribute(name)} part`);
    parts[name] = el;
  }
  return parts as SearchParts;
}

/** The filter inputs: they belong to the search form through their `form` attribute, and sit beside it. */
export const facetInputs = (root: HTMLElement) => [...root.querySelectorAll<HTMLInputElement>('input[form]')];

/** The counts beside the filter options (`data-count="kind:Profile"`). */
export const countSlots = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-count]')];
