/**
 * The last line of defence: reads what the build is about to publish, the way a browser or feed reader will, and
 * finds anything that could run code or make a reader's browser contact another origin. Content is checked long
 * before this; the scan exists so that a gap in those checks (or in a component) cannot reach readers unnoticed.
 *
 * Pure: each function takes a file's path and text and returns located problems. A real HTML parser (htmlparser2)
 * decodes entities in attributes, and URLs are parsed with the WHATWG URL parser, so `java&#x09;script:`,
 * `JaVaScRiPt:` and ` javascript:` are seen as the browser sees them.
 *
 * What counts as a script the project emitted: a `<script src>` under /_astro/ or /pagefind/ on this site (Astro's
 * bundles, Pagefind's loader), or an inline script whose hash is listed in the page's own Content-Security-Policy
 * (Astro hashes exactly the scripts it processes from src/; anything else would be blocked by the CSP anyway, and
 * here it fails the build instead of failing silently in a browser).
 */
import { Parser } from 'htmlparser2';
import { positionFinder } from '../corpus/positions.ts';
import { urlOfFile } from '../shared/urls.ts';
import { cspProblem, cspScriptHashes, hashOf } from './csp-policy.ts';
import { cssUrls, foreignOrigin, HERE, schemeOf, srcsetUrls } from './output-urls.ts';

export { cspProblem, cspScriptHashes } from './csp-policy.ts';
import { withXmlCheck } from './xml-well-formed.ts';
export { cssUrls, foreignOrigin, schemeOf } from './output-urls.ts';

/** The publish scan's rules: one for each entry of HINTS. */
export type OutputRule = keyof typeof HINTS;

export interface OutputProblem {
  /** Path as the report shows it, e.g. "dist/syria/index.html". */
  file: string;
  line: number;
  column: number;
  severity: 'error';
  rule: OutputRule;
  message: string;
  hint: string;
}

/** The site's own origin stands in for "here" when resolving relative URLs. */

/** Attributes whose value is one URL. */
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'cite',
  'longdesc',
  'manifest',
  'codebase',
  'lowsrc',
  'dynsrc',
  'icon',
  'usemap',
  'profile',
  'itemtype',
  'classid',
]);
/** Attributes whose value is several URLs. */
const SRCSET_ATTRS = new Set(['srcset', 'imagesrcset']);
const SPACED_URL_ATTRS = new Set(['ping', 'archive']);
/** URL attributes that the browser never fetches by itself. */
const NOT_LOADED = new Set(['cite', 'longdesc', 'usemap', 'profile', 'itemtype', 'classid']);

/** Elements that embed another document or plug-in, or change how every URL on the page resolves. */
const EMBEDDING = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'fencedframe',
  'base',
]);

/** `<link rel>` values that never make the browser fetch anything by themselves. */
const NON_FETCHING_RELS = new Set([
  'canonical',
  'alternate',
  'author',
  'bookmark',
  'external',
  'help',
  'license',
  'me',
  'next',
  'prev',
  'nofollow',
  'noopener',
  'noreferrer',
  'tag',
  'search',
]);

const BAD_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

/** Where the project's own scripts live. */
const OWN_SCRIPT_DIRS = ['/_astro/', '/pagefind/'];

/** Feed elements whose text a feed reader renders as HTML. */
const HTML_IN_FEED = new Set(['description', 'content:encoded', 'summary', 'content', 'itunes:summary']);

const HINTS = {
  'event-handler': 'inline event handlers run code; behaviour belongs in a <script> in src/, never in content',
  'unsafe-url':
    'only http:, https:, mailto:, relative and # URLs may be published; fix the content or component that produced it',
  'embedded-content': 'the site embeds no other documents or plug-ins; link to the resource instead',
  'foreign-script': 'scripts come only from src/ (bundled into /_astro/) and Pagefind; find what wrote this one',
  'foreign-resource':
    'copy the file into public/ (or src/) and load it from the site itself; links (<a href>) may point anywhere',
  'ill-formed-xml': 'feed readers drop an ill-formed file whole; escape or remove what the writer let through',
  'missing-csp':
    'pages get their Content-Security-Policy from security.csp in astro.config.mjs; do not build pages outside Base.astro',
} satisfies Record<string, string>;

export interface ScanOptions {
  /** The URL the file is served at, for resolving relative URLs ("/syria/"). */
  url: string;
  /** Require a CSP meta on the page (HTML pages; not feeds, SVG or HTML inside a feed). */
  requireCsp?: boolean;
  /** Parse as XML (feeds, SVG): names keep their case and feed descriptions are scanned as HTML. */
  xml?: boolean;
  /** Added to every offset (HTML inside a feed element is located at the element). */
  at?: (offset: number) => { line: number; column: number };
}

/** An element whose text is read whole when it closes: a script, a style, or a feed element holding HTML. */
interface RawText {
  tag: string;
  offset: number;
  text: string;
}

/** Whether a URL attribute makes the browser fetch by itself; links the reader follows may point anywhere. */
function loadsByItself(tag: string, attr: string, rel: string[], xml: boolean): boolean {
  if (attr === 'href' && (tag === 'a' || tag === 'area')) return false;
  if (tag === 'link' && attr === 'href' && rel.length > 0 && rel.every((r) => NON_FETCHING_RELS.has(r))) return false;
  if (NOT_LOADED.has(attr)) return false;
  return !(xml && attr === 'href' && tag !== 'image' && tag !== 'use');
}

/**
 * One document's scan, fed by htmlparser2's events: each kind of element or attribute has its own check, and what
 * needs the whole page (inline scripts against a CSP that may come later) is judged at the end.
 */
class MarkupScan {
  readonly problems: OutputProblem[] = [];
  /**
   * Whether the verdict depended on where the page is served: only a script src given as a path relative to the
   * page ("../_astro/x.js") does; every other check reads URLs the same from any path (see foreignOrigin).
   */
  dependsOnUrl = false;
  #file: string;
  #options: ScanOptions;
  #position: (offset: number) => { line: number; column: number };
  #tagStart = 0;
  #attrStarts = new Map<string, number>();
  /** Inline scripts, checked against the CSP once the whole page is read (the meta may come later). */
  #inlineScripts: { offset: number; text: string }[] = [];
  #cspPolicies: string[] = [];
  #cspOffset = -1;
  #rawText: RawText | null = null;

  constructor(file: string, text: string, options: ScanOptions) {
    this.#file = file;
    this.#options = options;
    // The line table is built only when a problem must be located.
    let finder: ((offset: number) => { line: number; column: number }) | undefined;
    this.#position = (offset) => (finder ??= options.at ?? positionFinder(text))(offset);
  }

  report(offset: number, rule: OutputRule, message: string): void {
    const where = this.#position(offset);
    this.problems.push({ file: this.#file, ...where, severity: 'error', rule, message, hint: HINTS[rule] });
  }

  openTagName(start: number): void {
    this.#tagStart = start;
    this.#attrStarts = new Map();
  }

  attribute(name: string, start: number): void {
    if (!this.#attrStarts.has(name)) this.#attrStarts.set(name, start);
  }

  openTag(rawName: string, attribs: Record<string, string>): void {
    const tag = rawName.toLowerCase();
    if (EMBEDDING.has(tag)) {
      this.report(this.#tagStart, 'embedded-content', `<${tag}> is not allowed in published pages`);
    }
    this.#checkAttributes(tag, attribs);
    if (tag === 'animate' || tag === 'set') this.#checkAnimation(tag, attribs);
    if (tag === 'meta') this.#checkMeta(attribs);
    if (tag === 'script' && attribs.src !== undefined) this.#checkScriptSrc(attribs.src);
    const readsText = (tag === 'script' && attribs.src === undefined) || tag === 'style';
    if (readsText || (this.#options.xml && HTML_IN_FEED.has(tag))) {
      this.#rawText = { tag, offset: this.#tagStart, text: '' };
    }
  }

  text(data: string): void {
    if (this.#rawText) this.#rawText.text += data;
  }

  closeTag(rawName: string): void {
    const tag = rawName.toLowerCase();
    if (!this.#rawText || this.#rawText.tag !== tag) return;
    const { offset, text: content } = this.#rawText;
    this.#rawText = null;
    if (tag === 'script') this.#inlineScripts.push({ offset, text: content });
    else if (tag === 'style') this.#checkCss(tag, 'url()', content, offset);
    else {
      // A feed reader decodes the XML once and renders the result as HTML: scan that HTML, located at its element.
      const here = this.#position(offset);
      const inner = scanDocument(this.#file, content, { url: this.#options.url, at: () => here });
      this.problems.push(...inner.problems);
      this.dependsOnUrl ||= inner.dependsOnUrl;
    }
  }

  /** What needs the whole page: inline scripts against the page's CSP, and the CSP itself. */
  end(): void {
    const allowed = new Set(this.#cspPolicies.flatMap((p) => [...cspScriptHashes(p)]));
    for (const script of this.#inlineScripts) {
      const own = (['sha256', 'sha384', 'sha512'] as const).some((a) => allowed.has(hashOf(a, script.text)));
      const message = "inline <script> whose hash is not in the page's Content-Security-Policy";
      if (!own) this.report(script.offset, 'foreign-script', message);
    }
    if (!this.#options.requireCsp) return;
    if (this.#cspPolicies.length === 0) this.report(0, 'missing-csp', 'page has no Content-Security-Policy meta');
    else {
      const why = this.#cspPolicies.map(cspProblem).find(Boolean);
      if (why) this.report(this.#cspOffset, 'missing-csp', `page's Content-Security-Policy is too weak: ${why}`);
    }
  }

  #at(attr: string): number {
    return this.#attrStarts.get(attr) ?? this.#tagStart;
  }

  #checkUrl(tag: string, attr: string, value: string, offset: number, loads: boolean): void {
    const scheme = schemeOf(value);
    if (scheme && BAD_SCHEMES.has(scheme)) this.report(offset, 'unsafe-url', `<${tag} ${attr}> is a ${scheme} URL`);
    else if (loads) {
      const origin = foreignOrigin(value, this.#options.url);
      if (origin) this.report(offset, 'foreign-resource', `<${tag} ${attr}> loads from another origin: ${value}`);
    }
  }

  #checkCss(tag: string, what: string, css: string, offset: number): void {
    for (const { url } of cssUrls(css)) this.#checkUrl(tag, what, url, offset, true);
  }

  /** Event handlers, and every attribute that holds URLs or CSS. */
  #checkAttributes(tag: string, attribs: Record<string, string>): void {
    const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const [rawAttr, value] of Object.entries(attribs)) {
      const attr = rawAttr.toLowerCase();
      const at = this.#at(rawAttr);
      if (attr.startsWith('on')) this.report(at, 'event-handler', `<${tag} ${attr}> runs code in the reader's browser`);
      // A script's src is judged once, as one of the site's own scripts or not (#checkScriptSrc).
      else if (tag === 'script' && attr === 'src') continue;
      else if (URL_ATTRS.has(attr)) {
        this.#checkUrl(tag, attr, value, at, loadsByItself(tag, attr, rel, !!this.#options.xml));
      } else if (SRCSET_ATTRS.has(attr)) {
        for (const url of srcsetUrls(value)) this.#checkUrl(tag, attr, url, at, true);
      } else if (SPACED_URL_ATTRS.has(attr)) {
        for (const url of value.split(/\s+/).filter(Boolean)) this.#checkUrl(tag, attr, url, at, true);
      } else if (attr === 'style') this.#checkCss(tag, 'style', value, at);
    }
  }

  /** SVG animation can rewrite an href to a script URL after the parser has seen it. */
  #checkAnimation(tag: string, attribs: Record<string, string>): void {
    if (!/href$/i.test(attribs.attributename ?? attribs.attributeName ?? '')) return;
    for (const key of ['to', 'from', 'values']) {
      for (const v of attribs[key]?.split(';') ?? []) this.#checkUrl(tag, key, v.trim(), this.#at(key), false);
    }
  }

  /** A refresh that sends the reader elsewhere, and the page's CSP (kept for the end). */
  #checkMeta(attribs: Record<string, string>): void {
    const equiv = attribs['http-equiv']?.toLowerCase();
    if (equiv === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attribs.content ?? '')?.[1];
      if (target) this.#checkUrl('meta', 'http-equiv=refresh', target.trim(), this.#at('content'), true);
    }
    if (equiv === 'content-security-policy') {
      this.#cspPolicies.push(attribs.content ?? '');
      if (this.#cspOffset < 0) this.#cspOffset = this.#tagStart;
    }
  }

  #checkScriptSrc(src: string): void {
    const local = foreignOrigin(src, this.#options.url) === null && schemeOf(src) === null;
    // Anything but a path from the site's root is read as relative to the page, whitespace and all (the cautious side).
    if (local && !/^[/\\]/.test(src)) this.dependsOnUrl = true;
    const path = local ? new URL(src, new URL(this.#options.url, HERE)).pathname : null;
    if (!path || !OWN_SCRIPT_DIRS.some((d) => path.startsWith(d))) {
      this.report(this.#tagStart, 'foreign-script', `<script src="${src}"> is not one of the site's own scripts`);
    }
  }
}

/** What the scan of one file found, and whether that depended on the URL the file is served at. */
export interface ScanVerdict {
  problems: OutputProblem[];
  dependsOnUrl: boolean;
}

/** Scans one HTML, SVG or XML document. `file` is the path the report names. */
export function scanMarkup(file: string, text: string, options: ScanOptions): OutputProblem[] {
  return scanDocument(file, text, options).problems;
}

function scanDocument(file: string, text: string, options: ScanOptions): ScanVerdict {
  const scan = new MarkupScan(file, text, options);
  const parser: Parser = new Parser(
    {
      onopentagname: () => scan.openTagName(parser.startIndex),
      onattribute: (name) => scan.attribute(name, parser.startIndex),
      onopentag: (name, attribs) => scan.openTag(name, attribs),
      ontext: (data) => scan.text(data),
      // CDATA text arrives through ontext.
      oncdatastart: () => {},
      onclosetag: (name) => scan.closeTag(name),
    },
    {
      xmlMode: options.xml ?? false,
      recognizeCDATA: true,
      lowerCaseTags: !options.xml,
      lowerCaseAttributeNames: !options.xml,
    },
  );
  parser.write(text);
  parser.end();
  scan.end();
  return { problems: scan.problems, dependsOnUrl: scan.dependsOnUrl };
}

/** Scans a CSS file for loads from another origin and script URLs. */
export function scanCss(file: string, css: string, url: string): OutputProblem[] {
  const position = positionFinder(css);
  const problems: OutputProblem[] = [];
  for (const { url: ref, offset } of cssUrls(css)) {
    const scheme = schemeOf(ref);
    const bad = scheme !== null && BAD_SCHEMES.has(scheme);
    if (!bad && !foreignOrigin(ref, url)) continue;
    const rule: OutputRule = bad ? 'unsafe-url' : 'foreign-resource';
    const message = bad ? `CSS url() is a ${scheme} URL` : `CSS url() loads from another origin: ${ref}`;
    problems.push({ file, ...position(offset), severity: 'error', rule, message, hint: HINTS[rule] });
  }
  return problems;
}

/** The file extensions the scan reads, and how. */
export function scanKind(path: string): 'html' | 'xml' | 'css' | null {
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.(xml|svg|rss|atom|xhtml)$/i.test(path)) return 'xml';
  if (/\.css$/i.test(path)) return 'css';
  return null;
}

/** Scans one published file by its kind; `path` is relative to the output folder, `shown` is how the report names it. */
export function scanFile(path: string, text: string, shown = path): OutputProblem[] {
  return scanFileVerdict(path, text, shown).problems;
}

/** `scanFile`, saying also whether the verdict depended on the file's URL (a CSS file's never does). */
export function scanFileVerdict(path: string, text: string, shown = path): ScanVerdict {
  const url = urlOfFile(path);
  switch (scanKind(path)) {
    case 'html':
      return scanDocument(shown, text, { url, requireCsp: true });
    case 'xml':
      return withXmlCheck(scanDocument(shown, text, { url, xml: true }), shown, text, HINTS['ill-formed-xml']);
    case 'css':
      return { problems: scanCss(shown, text, url), dependsOnUrl: false };
    default:
      return { problems: [], dependsOnUrl: false };
  }
}

/** One problem as `path:line:column  error  rule  message`, with its hint on the next line. */
export function formatOutputProblem(p: OutputProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${p.message}\n    hint: ${p.hint}`;
}
