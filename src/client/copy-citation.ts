/**
 * The copy buttons of CiteThis: adds one to each citation form, fills in the day accessed (the reader's today),
 * copies a citation, and announces it in the page's live region. Without this script there is no button, and the
 * citation text stays selectable, with "accessed [date]".
 */
import { CITATION_FORMS, copyButtonName, fillAccessed, localDay, type CitationStyle } from '../shared/citation.ts';

const STATUS = '[data-citation-status]';

function announce(doc: Document, message: string): void {
  const status = doc.querySelector(STATUS);
  if (!status) return;
  // Clearing first makes screen readers announce the same message again on a second copy.
  status.textContent = '';
  setTimeout(() => {
    status.textContent = message;
  }, 50);
}

/** Copies with the Clipboard API, or, where it is unavailable (a page served over plain http), by selection. */
async function copy(doc: Document, text: string, node: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const details = node.closest('details');
    if (details) details.open = true;
    const range = doc.createRange();
    range.selectNodeContents(node);
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return doc.execCommand('copy');
  }
}

/** Opens every "Cite" disclosure before printing and restores them after, for browsers without ::details-content. */
function expandForPrint(win: Window, doc: Document): void {
  let opened: HTMLDetailsElement[] = [];
  win.addEventListener('beforeprint', () => {
    opened = [...doc.querySelectorAll<HTMLDetailsElement>('details[data-cite-this]:not([open])')];
    for (const d of opened) d.open = true;
  });
  win.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** The copy button of one citation form: after its text, in a cell of its own that is not printed. */
function addButton(doc: Document, node: HTMLElement, what: string): HTMLButtonElement | undefined {
  const style = node.dataset.citation as CitationStyle;
  if (!(style in CITATION_FORMS)) return undefined;
  const cell = doc.createElement('dd');
  cell.className = 'no-print';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'copy-citation';
  button.dataset.copyCitation = style;
  button.setAttribute('aria-label', copyButtonName(style, what));
  button.textContent = CITATION_FORMS[style].button;
  cell.append(button);
  node.after(cell);
  return button;
}

export function wireCopyCitation(doc: Document): void {
  if (doc.defaultView) expandForPrint(doc.defaultView, doc);
  const today = localDay(new Date());
  for (const node of doc.querySelectorAll<HTMLElement>('[data-cite-this] [data-citation]')) {
    node.textContent = fillAccessed(node.textContent ?? '', today);
    const what = node.closest<HTMLElement>('[data-cite-this]')?.dataset.citeThis ?? '';
    const button = addButton(doc, node, what);
    button?.addEventListener('click', async () => {
      const copied = await copy(doc, node.textContent ?? '', node);
      announce(doc, copied ? 'Citation copied' : 'Citation selected: press Ctrl+C (or ⌘C) to copy it');
    });
  }
}
