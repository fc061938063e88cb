/**
 * HTML written as text, for long lists that Astro would render node by node (a source relied on by thousands of
 * findings took a third of a second a page). Every piece of content goes through `text` or `attr`, which escape it
 * as Astro escapes expressions; tags and attribute names are the caller's literals.
 */
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content: `&`, `<`, `>` and both quotes escaped. */
export function text(value: string): string {
  return value.replace(/[&<>'"]/g, (c) => ESCAPED[c]);
}

/** A double-quoted attribute value: escaped like text, so no value can end the attribute or the tag. */
export function attr(value: string): string {
  return text(value);
}
