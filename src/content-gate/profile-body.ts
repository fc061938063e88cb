/**
 * A profile's body as the pages render it: data, not a module. The MDX compiler (Sätteri, with the content gate as
 * its first mdast plugin and the features the check parses with) compiles the text, and the code it makes is run
 * once, here, with a runtime that records what it would render instead of rendering it: runs of static HTML, text,
 * and each <Finding> with its attributes and the runs it holds. ProfileBody.astro renders that record; the page comes
 * out byte for byte as when the bundler imported each profile as a module and rendered it, without a module per
 * profile for the bundler to build, for Node to load, or for a rebuild to bundle again.
 *
 * The compiled code can only be what the gate let through (Markdown and <Finding> with string attributes: no import,
 * no expression), and the runtime it is given records calls and calls nothing back; anything else it asks to render
 * fails the compile.
 */
import { satteriCreateHighlightFn, satteriHeadingIdsPlugin, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from '@astrojs/internal-helpers/markdown';
import { pathToFileURL } from 'node:url';
import { evaluate } from 'satteri';
import type { Source } from '../schemas/content.ts';
import { sizeProblem } from '../corpus/content-limits.ts';
import { MDX_FEATURES, splitFrontmatter } from './compiler.ts';
import { FINDING_ATTRIBUTES } from './judge.ts';
import { contentGate, refuse } from './satteri-plugin.ts';

/** The attributes of a <Finding>, as the gate allows them. */
export interface FindingProps {
  id: string;
  asOf: string;
  title: string;
  uncertain?: string;
}

/** Static HTML the compiler wrote (escaped there), or text that the page escapes as it renders it. */
export type BodyRun = { html: string } | { text: string };
export type BodyNode = BodyRun | { finding: FindingProps; children: BodyRun[] };

export interface ProfileBody {
  nodes: BodyNode[];
  /** The body's headings with their ids, as Astro's MDX renderer reports them. */
  headings: MarkdownHeading[];
}

/** Astro's Markdown settings that change what the compiler writes (config.markdown). */
export interface BodyMarkdown {
  syntaxHighlight?: unknown;
  shikiConfig?: unknown;
}

/** Everything a compile depends on besides the file: the Markdown settings, the sources, the finding titles. */
export interface BodySetup {
  markdown: BodyMarkdown;
  sources: Map<string, Source>;
  /** Finding titles by `country/month/profile#id`, for cross-references. */
  findings: Map<string, string>;
}

/** Thrown when the compiled code asks for something a profile body cannot hold. */
export class UnexpectedBodyNode extends Error {
  constructor(file: string, what: string) {
    super(`${file}: the compiled profile renders ${what}, which a profile body cannot hold`);
    this.name = 'UnexpectedBodyNode';
  }
}

/** What the compiled code is given as components: markers, never called. */
export const BODY_COMPONENTS = { Finding: function Finding() {}, Fragment: function Fragment() {} };
const { Finding: FINDING, Fragment: STATIC_HTML } = BODY_COMPONENTS;
const GROUP = Symbol('fragment');
type Call = { type: unknown; props: Record<string, unknown> };
const record = (type: unknown, props: Record<string, unknown>): Call => ({ type, props });
/** The JSX runtime the compiled code is given: each call is recorded, nothing is rendered. */
export const RECORDING_RUNTIME = { Fragment: GROUP, jsx: record, jsxs: record };

function findingProps(props: Record<string, unknown>, file: string): FindingProps {
  const out: Record<string, string> = {};
  for (const name of FINDING_ATTRIBUTES) {
    const value = props[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new UnexpectedBodyNode(file, `a <Finding> whose ${name} is not a string`);
    out[name] = value;
  }
  return out as unknown as FindingProps;
}

/** What the compiled code recorded, as body nodes; anything but static HTML, text and top-level findings fails. */
export function bodyNodes(recorded: unknown, file: string): BodyNode[] {
  return nodesOf(recorded, file, false);
}

/** The record of one call (or list of calls), flattened into body nodes; `inFinding` allows only runs. */
function nodesOf(child: unknown, file: string, inFinding: boolean): BodyNode[] {
  if (child === undefined || child === null || child === false) return [];
  if (Array.isArray(child)) return child.flatMap((c) => nodesOf(c, file, inFinding));
  if (typeof child === 'string') return [{ text: child }];
  const { type, props } = child as Call;
  if (type === GROUP) return nodesOf(props.children, file, inFinding);
  if (type === STATIC_HTML && typeof props['set:html'] === 'string') return [{ html: props['set:html'] }];
  if (type === FINDING && !inFinding) {
    const children = nodesOf(props.children, file, true) as BodyRun[];
    return [{ finding: findingProps(props, file), children }];
  }
  const what =
    type === FINDING ? 'a <Finding> inside a finding' : typeof type === 'string' ? `<${type}>` : 'a component';
  throw new UnexpectedBodyNode(file, what);
}

/**
 * A compiler of profile bodies for one setup: `(text, filePath) => body`, from a profile's whole text. Refused content
 * rejects with the gate's ContentGateError (message, line, column in the file).
 */
export function bodyCompiler(setup: BodySetup) {
  const { syntaxHighlight, shikiConfig } = setup.markdown as { syntaxHighlight?: never; shikiConfig?: never };
  const excludeLangs =
    typeof syntaxHighlight === 'object' ? (syntaxHighlight as { excludeLangs?: string[] }).excludeLangs : undefined;
  // As Astro's MDX renderer does: the highlighter is made once, and only if code blocks are highlighted.
  const highlight = satteriCreateHighlightFn(syntaxHighlight, shikiConfig);
  const gate = contentGate({ sources: () => setup.sources, findings: () => setup.findings });
  return async (text: string, filePath: string): Promise<ProfileBody> => {
    const fileURL = pathToFileURL(filePath);
    // Measured before anything reads the text: nothing runs in unbounded time on a file above the limit.
    const tooLarge = sizeProblem(Buffer.byteLength(text));
    if (tooLarge) refuse({ fileURL, source: text }, [{ offset: 0, rule: 'content-limit', ...tooLarge }]);
    // The file as the compiler receives it: the frontmatter blanked in place, so that offsets stay file offsets. The
    // compiler reads no YAML (pages take the frontmatter from the checked corpus), so none can expand here.
    const input = splitFrontmatter(text);
    if (input.error) refuse({ fileURL, source: text }, [{ ...input.error, rule: 'syntax' }]);
    const fn = await highlight;
    const astro = {
      frontmatter: {},
      headings: [] as MarkdownHeading[],
      localImagePaths: new Set(),
      remoteImagePaths: new Set(),
    };
    const { default: Content } = (await evaluate(input.content, {
      ...RECORDING_RUNTIME,
      mdastPlugins: [gate],
      hastPlugins: [...(fn ? [satteriHighlightPlugin(fn, excludeLangs)] : []), satteriHeadingIdsPlugin()],
      // Each run of plain Markdown becomes one string of HTML, as Astro's `optimize` has it written.
      optimizeStatic: { component: 'Fragment', prop: 'set:html' },
      features: { ...MDX_FEATURES },
      fileURL,
      elementAttributeNameCase: 'html',
      data: { astro },
    } as never)) as { default: (props: object) => unknown };
    const nodes = bodyNodes(Content({ components: BODY_COMPONENTS }), filePath);
    return { nodes, headings: astro.headings };
  };
}

/** Whether a stored value can stand for a compiled body. */
export function isProfileBody(value: unknown): value is ProfileBody {
  if (typeof value !== 'object' || value === null) return false;
  const { nodes, headings } = value as Record<string, unknown>;
  const run = (n: unknown) =>
    typeof n === 'object' &&
    n !== null &&
    (typeof (n as { html?: unknown }).html === 'string' || typeof (n as { text?: unknown }).text === 'string');
  return (
    Array.isArray(headings) &&
    Array.isArray(nodes) &&
    nodes.every((n) => run(n) || (typeof n?.finding === 'object' && Array.isArray(n.children) && n.children.every(run)))
  );
}
