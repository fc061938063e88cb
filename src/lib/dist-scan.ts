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
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { positionFinder } from './positions.ts';

export type OutputRule =
  | 'event-handler'
  | 'unsafe-url'
  | 'embedded-content'
  | 'foreign-script'
  | 'foreign-resource'
  | 'missing-csp';

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
const HERE = 'https://built-site.invalid';

/** Attributes whose value is one URL. */
const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc',
  'manifest', 'codebase', 'lowsrc', 'dynsrc', 'icon', 'usemap', 'profile', 'itemtype', 'classid',
]);
/** Attributes whose value is several URLs. */
const SRCSET_ATTRS = new Set(['srcset', 'imagesrcset']);
const SPACED_URL_ATTRS = new Set(['ping', 'archive']);
/** URL attributes that the browser never fetches by itself. */
const NOT_LOADED = new Set(['cite', 'longdesc', 'usemap', 'profile', 'itemtype', 'classid']);

/** Elements that embed another document or plug-in, or change how every URL on the page resolves. */
const EMBEDDING = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'base']);

/** `<link rel>` values that never make the browser fetch anything by themselves. */
const NON_FETCHING_RELS = new Set([
  'canonical', 'alternate', 'author', 'bookmark', 'external', 'help', 'license', 'me', 'next', 'prev', 'nofollow',
  'noopener', 'noreferrer', 'tag', 'search',
]);

const BAD_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

/** Where the project's own scripts live. */
const OWN_SCRIPT_DIRS = ['/_astro/', '/pagefind/'];

/** Feed elements whose text a feed reader renders as HTML. */
const HTML_IN_FEED = new Set(['description', 'content:encoded', 'summary', 'content', 'itunes:summary']);

const HINTS: Record<OutputRule, string> = {
  'event-handler': 'inline event handlers run code; behaviour belongs in a <script> in src/, never in content',
  'unsafe-url': 'only http:, https:, mailto:, relative and # URLs may be published; fix the content or component that produced it',
  'embedded-content': 'the site embeds no other documents or plug-ins; link to the resource instead',
  'foreign-script': 'scripts come only from src/ (bundled into /_astro/) and Pagefind; find what wrote this one',
  'foreign-resource': 'copy the file into public/ (or src/) and load it from the site itself; links (<a href>) may point anywhere',
  'missing-csp': 'pages get their Content-Security-Policy from security.csp in astro.config.mjs; do not build pages outside Base.astro',
};

/** A URL's scheme as the browser parses it (lower case, with the colon), or null for a relative URL. */
export function schemeOf(value: string): string | null {
  // The URL parser drops tabs and newlines anywhere and C0 controls and spaces at both ends, as browsers do.
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? `${m[1].toLowerCase()}:` : null;
}

/** The origin a URL loads from, resolved against the page, or null when it is this site (or not loadable). */
export function foreignOrigin(value: string, pageUrl: string): string | null {
  // A URL without a scheme that does not start with two slashes (or backslashes, which browsers read as slashes)
  // resolves on the page's own origin, whatever its path: decided without parsing, as most of a page's links are.
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (!/^[/\\]{2}/.test(cleaned) && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(cleaned)) return null;
  try {
    const url = new URL(value, new URL(pageUrl, HERE));
    if (url.origin === HERE) return null;
    return /^(https?|wss?|ftp):$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/** URLs inside CSS: `url(…)` and `@import "…"`, with their offsets in the CSS text. */
export function cssUrls(css: string): { url: string; offset: number }[] {
  const found: { url: string; offset: number }[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) found.push({ url: m[2].trim(), offset: m.index });
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) found.push({ url: m[2].trim(), offset: m.index });
  return found;
}

/** The candidate URLs of a srcset. */
const srcsetUrls = (value: string): string[] => value.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);

/** The hash sources of a CSP's script-src (or script-src-elem), e.g. "sha256-…". */
export function cspScriptHashes(policy: string): Set<string> {
  const hashes = new Set<string>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== 'script-src' && name !== 'script-src-elem') continue;
    for (const s of sources) {
      const m = /^'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'$/.exec(s);
      if (m) hashes.add(m[1]);
    }
  }
  return hashes;
}

/** Whether a CSP has what every page needs: same origin only, and no inline or eval'd scripts beyond wasm. */
export function cspProblem(policy: string): string | null {
  const directives = new Map(
    policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([n, ...s]) => [n.toLowerCase(), s]),
  );
  const def = directives.get('default-src');
  if (!def || def.join(' ') !== "'self'") return "default-src is not 'self'";
  const script = directives.get('script-src') ?? def;
  if (script.includes("'unsafe-inline'")) return "script-src allows 'unsafe-inline'";
  if (script.includes("'unsafe-eval'")) return "script-src allows 'unsafe-eval'";
  for (const [name, sources] of directives) {
    // Keywords and hashes are quoted; anything else (a host, a scheme such as https: or data:, *) lets in more.
    const other = sources.find((s) => !s.startsWith("'"));
    if (other) return `${name} allows another origin or scheme (${other})`;
  }
  return null;
}

const hashOf = (algorithm: 'sha256' | 'sha384' | 'sha512', text: string) => `${algorithm}-${createHash(algorithm).update(text).digest('base64')}`;

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

/** Scans one HTML, SVG or XML document. `file` is the path the report names. */
export function scanMarkup(file: string, text: string, options: ScanOptions): OutputProblem[] {
  const problems: OutputProblem[] = [];
  // The line table is built only when a problem must be located.
  let finder: ((offset: number) => { line: number; column: number }) | undefined;
  const position = (offset: number) => (finder ??= options.at ?? positionFinder(text))(offset);
  const report = (offset: number, rule: OutputRule, message: string) =>
    problems.push({ file, ...position(offset), severity: 'error', rule, message, hint: HINTS[rule] });

  let tagStart = 0;
  let attrStarts = new Map<string, number>();
  /** Inline scripts, checked against the CSP once the whole page is read (the meta may come later). */
  const inlineScripts: { offset: number; text: string }[] = [];
  let cspPolicies: string[] = [];
  let cspOffset = -1;
  let rawText: { tag: string; offset: number; text: string } | null = null;

  const checkUrl = (tag: string, attr: string, value: string, offset: number, loads: boolean) => {
    const scheme = schemeOf(value);
    if (scheme && BAD_SCHEMES.has(scheme)) report(offset, 'unsafe-url', `<${tag} ${attr}> is a ${scheme} URL`);
    else if (loads) {
      const origin = foreignOrigin(value, options.url);
      if (origin) report(offset, 'foreign-resource', `<${tag} ${attr}> loads from another origin: ${value}`);
    }
  };
  const checkCss = (tag: string, what: string, css: string, offset: number) => {
    for (const { url } of cssUrls(css)) checkUrl(tag, what, url, offset, true);
  };

  const parser: Parser = new Parser(
    {
      onopentagname() {
        tagStart = parser.startIndex;
        attrStarts = new Map();
      },
      onattribute(name) {
        if (!attrStarts.has(name)) attrStarts.set(name, parser.startIndex);
      },
      onopentag(rawName, attribs) {
        const tag = rawName.toLowerCase();
        const at = (attr: string) => attrStarts.get(attr) ?? tagStart;
        if (EMBEDDING.has(tag)) report(tagStart, 'embedded-content', `<${tag}> is not allowed in published pages`);
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        for (const [rawAttr, value] of Object.entries(attribs)) {
          const attr = rawAttr.toLowerCase();
          if (attr.startsWith('on')) report(at(rawAttr), 'event-handler', `<${tag} ${attr}> runs code in the reader's browser`);
          // A script's src is judged below, once: as one of the site's own scripts or not.
          else if (tag === 'script' && attr === 'src') continue;
          else if (URL_ATTRS.has(attr)) {
            const followedOnlyByReader = (attr === 'href' && (tag === 'a' || tag === 'area'))
              || (tag === 'link' && attr === 'href' && rel.length > 0 && rel.every((r) => NON_FETCHING_RELS.has(r)))
              || NOT_LOADED.has(attr) || (options.xml && attr === 'href' && tag !== 'image' && tag !== 'use');
            checkUrl(tag, attr, value, at(rawAttr), !followedOnlyByReader);
          } else if (SRCSET_ATTRS.has(attr)) for (const url of srcsetUrls(value)) checkUrl(tag, attr, url, at(rawAttr), true);
          else if (SPACED_URL_ATTRS.has(attr)) for (const url of value.split(/\s+/).filter(Boolean)) checkUrl(tag, attr, url, at(rawAttr), true);
          else if (attr === 'style') checkCss(tag, 'style', value, at(rawAttr));
        }
        // SVG animation can rewrite an href to a script URL after the parser has seen it.
        if ((tag === 'animate' || tag === 'set') && /href$/i.test(attribs.attributename ?? attribs.attributeName ?? '')) {
          for (const key of ['to', 'from', 'values']) {
            const value = attribs[key];
            if (value !== undefined) for (const v of value.split(';')) checkUrl(tag, key, v.trim(), at(key), false);
          }
        }
        if (tag === 'meta' && attribs['http-equiv']?.toLowerCase() === 'refresh') {
          const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attribs.content ?? '')?.[1];
          if (target) checkUrl(tag, 'http-equiv=refresh', target.trim(), at('content'), true);
        }
        if (tag === 'meta' && attribs['http-equiv']?.toLowerCase() === 'content-security-policy') {
          cspPolicies.push(attribs.content ?? '');
          if (cspOffset < 0) cspOffset = tagStart;
        }
        if (tag === 'script') {
          const src = attribs.src;
          if (src === undefined) rawText = { tag, offset: tagStart, text: '' };
          else {
            const local = foreignOrigin(src, options.url) === null && schemeOf(src) === null;
            const path = local ? new URL(src, new URL(options.url, HERE)).pathname : null;
            if (!path || !OWN_SCRIPT_DIRS.some((d) => path.startsWith(d))) {
              report(tagStart, 'foreign-script', `<script src="${src}"> is not one of the site's own scripts`);
            }
          }
        }
        if (tag === 'style') rawText = { tag, offset: tagStart, text: '' };
        if (options.xml && HTML_IN_FEED.has(tag)) rawText = { tag, offset: tagStart, text: '' };
      },
      ontext(data) {
        if (rawText) rawText.text += data;
      },
      oncdatastart() {
        /* CDATA text arrives through ontext */
      },
      onclosetag(rawName) {
        const tag = rawName.toLowerCase();
        if (!rawText || rawText.tag !== tag) return;
        const { offset, text: content } = rawText;
        rawText = null;
        if (tag === 'script') inlineScripts.push({ offset, text: content });
        else if (tag === 'style') checkCss(tag, 'url()', content, offset);
        else {
          // A feed reader decodes the XML once and renders the result as HTML: scan that HTML, located at its element.
          const here = position(offset);
          problems.push(...scanMarkup(file, content, { url: options.url, at: () => here }));
        }
      },
    },
    { xmlMode: options.xml ?? false, recognizeCDATA: true, lowerCaseTags: !options.xml, lowerCaseAttributeNames: !options.xml },
  );
  parser.write(text);
  parser.end();

  const allowed = new Set(cspPolicies.flatMap((p) => [...cspScriptHashes(p)]));
  for (const script of inlineScripts) {
    const own = (['sha256', 'sha384', 'sha512'] as const).some((a) => allowed.has(hashOf(a, script.text)));
    if (!own) report(script.offset, 'foreign-script', 'inline <script> whose hash is not in the page\'s Content-Security-Policy');
  }
  if (options.requireCsp) {
    if (cspPolicies.length === 0) report(0, 'missing-csp', 'page has no Content-Security-Policy meta');
    else {
      const why = cspPolicies.map(cspProblem).find(Boolean);
      if (why) report(cspOffset, 'missing-csp', `page's Content-Security-Policy is too weak: ${why}`);
    }
  }
  return problems;
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

/** "syria/index.html" → "/syria/"; "404.html" → "/404.html". */
export function servedAt(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Scans one published file by its kind; `path` is relative to the output folder, `shown` is how the report names it. */
export function scanFile(path: string, text: string, shown = path): OutputProblem[] {
  const url = servedAt(path);
  switch (scanKind(path)) {
    case 'html': return scanMarkup(shown, text, { url, requireCsp: true });
    case 'xml': return scanMarkup(shown, text, { url, xml: true });
    case 'css': return scanCss(shown, text, url);
    default: return [];
  }
}

/** One problem as `path:line:column  error  rule  message`, with its hint on the next line. */
export function formatOutputProblem(p: OutputProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${p.message}\n    hint: ${p.hint}`;
}
