/**
 * The canonical link of a built page (`<link rel="canonical" href="…">` in its head), read with the HTML parser
 * the publish scan uses: a page published at two URLs names the one that counts.
 */
import { Parser } from 'htmlparser2';

/** The path of the page's canonical URL, decoded as file paths are; undefined if the head names none. */
export function canonicalPath(html: string): string | undefined {
  const headEnd = html.indexOf('</head>');
  let href: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const rel = attributes.rel?.toLowerCase().split(/\s+/) ?? [];
      if (href === undefined && name === 'link' && rel.includes('canonical') && attributes.href) href = attributes.href;
    },
  });
  parser.end(headEnd === -1 ? html : html.slice(0, headEnd));
  if (href === undefined) return undefined;
  try {
    return decodeURI(new URL(href, 'https://site.invalid/').pathname);
  } catch {
    return undefined; // not a URL this site writes: the page counts as having none, and stays findable
  }
}
