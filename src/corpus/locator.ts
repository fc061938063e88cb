/**
 * Pinpoints ("sec. VI, pp. 8-9"): parsing them, checking them against a source's structure, and naming them for
 * citation tools.
 */
import type { z } from 'astro/zod';
import type { SourceStructure } from '../schemas/content.ts';

type Structure = z.infer<typeof SourceStructure>;

/** A locator label and the kind of thing it points at. */
export const LABELS = {
  'p.': 'page',
  'pp.': 'page',
  'sec.': 'section',
  'para.': 'paragraph',
  'paras.': 'paragraph',
  'art.': 'article',
  'arts.': 'article',
  'fn.': 'footnote',
  'pt.': 'point',
  'pts.': 'point',
  'ind.': 'indent',
  'inds.': 'indent',
} as const;

export type Label = keyof typeof LABELS;
export type LocatorKind = (typeof LABELS)[Label];

/** One part of a pinpoint: a label with a single value or a range. */
export interface LocatorPart {
  kind: LocatorKind;
  label: Label;
  from: string;
  to?: string;
}

export type ParseResult = { ok: true; parts: LocatorPart[] } | { ok: false; message: string; hint: string };

/** Plural labels and their singular form. */
const SINGULAR: Partial<Record<Label, Label>> = {
  'pp.': 'p.',
  'paras.': 'para.',
  'arts.': 'art.',
  'pts.': 'pt.',
  'inds.': 'ind.',
};

const LABEL_HINT =
  'use p./pp., sec., para./paras., art./arts., fn., pt./pts. or ind./inds. (an indent of a point), e.g. "sec. VI, pp. 8-9"';

/** Parses a locator such as "sec. VI, pp. 8-9"; an empty string means "the source as a whole". */
export function parseLocator(text: string): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, parts: [] };
  const parts: LocatorPart[] = [];
  for (const chunk of trimmed.split(/\s*,\s*/)) {
    const m = /^([a-z]+\.)\s*(\S(?:.*\S)?)$/.exec(chunk);
    if (!m || !(m[1] in LABELS)) {
      return { ok: false, message: `cannot read the pinpoint "${chunk}"`, hint: LABEL_HINT };
    }
    const label = m[1] as Label;
    const kind = LABELS[label];
    const value = m[2];
    const range = kind === 'section' ? null : /^(\S+?)\s*[-–]\s*(\S+)$/.exec(value);
    const from = range ? range[1] : value;
    const to = range ? range[2] : undefined;
    const singular = SINGULAR[label];
    if (singular && !to)
      return {
        ok: false,
        message: `"${label}" needs a range such as "${label} 8-9"`,
        hint: `for one ${kind} write "${singular} ${from}"`,
      };
    if (!singular && to && kind !== 'section') {
      const plural = Object.entries(SINGULAR).find(([, one]) => one === label)?.[0];
      return {
        ok: false,
        message: `"${label}" names one ${kind}`,
        hint: plural ? `for a range write "${plural} ${from}-${to}"` : `cite each ${kind} separately`,
      };
    }
    if (kind !== 'section' && kind !== 'article' && !/^\d+$/.test(from + (to ?? ''))) {
      return { ok: false, message: `${kind} numbers must be whole numbers, got "${value}"`, hint: LABEL_HINT };
    }
    if (parts.some((p) => p.kind === kind)) {
      return { ok: false, message: `the pinpoint names ${kind}s twice`, hint: 'give each kind of locator once' };
    }
    parts.push({ kind, label, from, to });
  }
  return { ok: true, parts };
}

/** A reason a pinpoint does not fit the source, with the valid range as the hint. */
export interface LocatorProblem {
  message: string;
  hint: string;
}

/** Checks a number or range against a count (1..n) or an excerpt's first and last number. */
function checkNumber(
  kind: string,
  part: LocatorPart,
  bounds: number | [number, number] | undefined,
): LocatorProblem | null {
  if (bounds === undefined)
    return {
      message: `the source has no numbered ${kind}s`,
      hint: `cite a part the source has, or add \`${kind}s\` to its structure`,
    };
  const [min, max] = typeof bounds === 'number' ? [1, bounds] : bounds;
  const from = Number(part.from);
  const to = part.to === undefined ? from : Number(part.to);
  if (from < min || to > max)
    return {
      message: `${kind} ${part.to ? `${part.from}-${part.to}` : part.from} is outside the source (${kind}s ${min}-${max})`,
      hint: `valid ${kind}s are ${min} to ${max}`,
    };
  if (to < from)
    return {
      message: `the ${kind} range ${part.from}-${part.to} runs backwards`,
      hint: `write the lower ${kind} first`,
    };
  return null;
}

const range = (part: LocatorPart) => (part.to ? `${part.from}-${part.to}` : part.from);

/** An indent (dash) exists only inside one point of an operative part: "pt. 1, ind. 2". */
function checkIndent(part: LocatorPart, parts: LocatorPart[], structure: Structure): LocatorProblem | null {
  const point = parts.find((x) => x.kind === 'point');
  if (!point || point.to) {
    return { message: 'an indent must follow a single point', hint: `write "pt. 1, ${part.label} ${range(part)}"` };
  }
  const count = structure.indents?.[point.from];
  if (count === undefined) {
    return {
      message: `point ${point.from} has no registered indents`,
      hint: 'cite the point alone, or register its indents in `indents` of the structure',
    };
  }
  const to = Number(part.to ?? part.from);
  if (Number(part.from) < 1 || to > count) {
    return {
      message: `indent ${range(part)} is not in point ${point.from}, which has ${count}`,
      hint: `valid indents of point ${point.from} are 1 to ${count}`,
    };
  }
  if (to < Number(part.from)) {
    return { message: `the indent range ${part.from}-${part.to} runs backwards`, hint: 'write the lower indent first' };
  }
  return null;
}

/** Articles must be registered ones, in order. */
function checkArticles(part: LocatorPart, structure: Structure): LocatorProblem[] {
  const articles = structure.articles;
  if (!articles) {
    return [
      { message: 'the source has no articles', hint: 'cite a part the source has, or add `articles` to its structure' },
    ];
  }
  const problems: LocatorProblem[] = [part.from, part.to]
    .filter((x): x is string => x !== undefined && !articles.includes(x))
    .map((a) => ({
      message: `article ${a} is not among the source's articles`,
      hint: `registered articles: ${articles.join(', ')}`,
    }));
  if (part.to && parseInt(part.to, 10) < parseInt(part.from, 10)) {
    problems.push({
      message: `the article range ${part.from}-${part.to} runs backwards`,
      hint: 'write the lower article first',
    });
  }
  return problems;
}

/** The highest page the source has: its page count, or the end of its last paged section. */
function lastPage(structure: Structure): number | undefined {
  return (
    structure.pages ??
    structure.sections?.reduce<number | undefined>((m, s) => (s.pages ? Math.max(m ?? 0, s.pages[1]) : m), undefined)
  );
}

/** One part of a pinpoint against the structure. */
function checkPart(part: LocatorPart, parts: LocatorPart[], structure: Structure): LocatorProblem[] {
  const one = (p: LocatorProblem | null) => (p ? [p] : []);
  switch (part.kind) {
    case 'page':
      return one(checkNumber('page', part, lastPage(structure)));
    case 'paragraph':
      return one(checkNumber('paragraph', part, structure.paragraphs));
    case 'footnote':
      return one(checkNumber('footnote', part, structure.footnotes));
    case 'point':
      return one(checkNumber('point', part, structure.points));
    case 'indent':
      return one(checkIndent(part, parts, structure));
    case 'article':
      return checkArticles(part, structure);
    case 'section': {
      if (structure.sections?.some((s) => s.id === part.from)) return [];
      const ids = structure.sections?.map((s) => s.id) ?? [];
      return [
        {
          message: `section ${part.from} does not exist in the source`,
          hint: ids.length
            ? `sections are: ${ids.join(', ')}`
            : 'the source has no sections; add them to its structure',
        },
      ];
    }
  }
  return [];
}

/** Pages cited with a section must lie within that section's pages. */
function checkPagesInSection(parts: LocatorPart[], structure: Structure): LocatorProblem | null {
  const pages = parts.find((p) => p.kind === 'page');
  const sectionId = parts.find((p) => p.kind === 'section')?.from;
  const sectionPages = structure.sections?.find((s) => s.id === sectionId)?.pages;
  if (!pages || !sectionPages) return null;
  const from = Number(pages.from);
  const to = pages.to ? Number(pages.to) : from;
  if (from >= sectionPages[0] && to <= sectionPages[1]) return null;
  return {
    message: `pages ${range(pages)} are outside section ${sectionId}`,
    hint: `that section runs from page ${sectionPages[0]} to ${sectionPages[1]}`,
  };
}

/** Checks a parsed pinpoint against a source's structure; returns every problem found. */
export function checkLocator(parts: LocatorPart[], structure: Structure | undefined): LocatorProblem[] {
  if (parts.length === 0) {
    if (!structure) return [];
    return [
      {
        message: 'the citation gives no pinpoint, but the source has pages, sections, paragraphs or articles',
        hint: 'add a pinpoint such as "sec. 4.2.3" or "p. 12"',
      },
    ];
  }
  if (!structure) {
    return [
      {
        message: 'the source has no registered structure, so a pinpoint cannot be checked',
        hint: 'cite it without a pinpoint, or add `structure` to the source file',
      },
    ];
  }
  const problems = parts.flatMap((part) => checkPart(part, parts, structure));
  const outside = problems.length === 0 ? checkPagesInSection(parts, structure) : null;
  return outside ? [outside] : problems;
}
