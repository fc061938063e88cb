/** The date field of the "guidance in force on a date" box: reads the periods from the table it enhances. */
import { formatDate } from '../shared/dates.ts';
import { inForceOn, type Period } from '../shared/in-force.ts';

type Row = Period & { href: string };

/** The sentence answering "which edition applied on this day". Pure, for tests. */
export function inForceAnswer(
  subject: string,
  periods: Row[],
  day: string,
): { text: string; href?: string; linkText?: string } {
  const period = inForceOn(periods, day) as Row | undefined;
  if (!period) {
    const first = periods[0];
    return {
      text:
        first && day < first.from
          ? `No edition of ${subject} was in force on ${formatDate(day)}: the first was published on ${formatDate(first.from)}.`
          : 'Enter a date as day, month and year.',
    };
  }
  const span = period.until
    ? `from ${formatDate(period.from)} until ${formatDate(period.until)}`
    : `since ${formatDate(period.from)}`;
  const text = `On ${formatDate(day)} the ${period.label} edition of ${subject} was in force (${span}).`;
  if (!period.href)
    return { text: `${text} ${subject[0].toUpperCase()}${subject.slice(1)} did not exist in that edition.` };
  return { text, href: period.href, linkText: `Read it as it then stood` };
}

/** Shows the form and answers on submit; without this script the table of periods stands alone. */
export function wireInForce(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-in-force-form]');
  const input = root.querySelector<HTMLInputElement>('input[type="date"]');
  const result = root.querySelector<HTMLElement>('[data-in-force-result]');
  if (!form || !input || !result) return;
  const rows = [...root.querySelectorAll<HTMLElement>('[data-period]')];
  const periods: Row[] = rows.map((r) => ({
    editionId: r.dataset.edition ?? '',
    label: r.dataset.label ?? '',
    from: r.dataset.from ?? '',
    ...(r.dataset.until ? { until: r.dataset.until } : {}),
    href: r.dataset.href ?? '',
  }));
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = inForceAnswer(root.dataset.subject ?? 'the guidance', periods, input.value);
    result.replaceChildren(answer.text);
    if (answer.href) {
      const link = document.createElement('a');
      link.href = answer.href;
      link.textContent = answer.linkText ?? answer.href;
      result.append(' ', link);
    }
    for (const row of rows)
      row.classList.toggle('in-force-match', row.dataset.from === inForceOn(periods, input.value)?.from);
  });
}
