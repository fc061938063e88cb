/** Plain-language wording for the structured conclusions, in one place so every page says the same thing. */
import type { z } from 'astro/zod';
import type { Ground, KnownFrom, Likelihood, RiskLevel } from '../schemas/content.ts';
import { formatDate, formatShortDate } from './dates.ts';
import type { EvidenceSpan, Staleness } from './evidence-currency.ts';

export const RISK_LABEL: Record<z.infer<typeof RiskLevel>, string> = {
  'in-general': 'Well-founded fear in general substantiated',
  'risk-factors': 'Only with risk-impacting circumstances',
  'not-in-general': 'In general not substantiated',
  individual: 'Individual assessment',
};

export const PERSECUTION_LABEL = {
  yes: 'Amounts to persecution',
  no: 'Does not amount to persecution',
  depends: 'Depends on the case',
} as const;

export const GROUND_LABEL: Record<z.infer<typeof Ground>, string> = {
  race: 'race',
  religion: 'religion',
  nationality: 'nationality',
  'political-opinion': 'political opinion',
  'particular-social-group': 'membership of a particular social group',
};

export const LIKELIHOOD_LABEL: Record<z.infer<typeof Likelihood>, string> = {
  'highly-likely': 'highly likely',
  may: 'may be',
  unlikely: 'unlikely',
};

export const KNOWN_FROM_NOTE: Record<z.infer<typeof KnownFrom>, string | null> = {
  'official-text': null,
  'press-release':
    'Known only from the publisher’s press release: the official conclusion text was not available to us.',
  secondary: 'Known only from a secondary report: the official conclusion text was not available to us.',
  inference:
    'Our inference from a general statement of the publisher: no conclusion written for this profile was available to us.',
};

/** The same provenance in a few words, for tables and lists ("" for the official text). */
export const KNOWN_FROM_SHORT: Record<z.infer<typeof KnownFrom>, string> = {
  'official-text': '',
  'press-release': 'from a press release',
  secondary: 'from a secondary report',
  inference: 'our inference',
};

/** Where an answer comes from, as the mark beside it in the answer line under a profile's title. */
export const PROVENANCE_MARK: Record<z.infer<typeof KnownFrom>, string> = {
  'official-text': 'official',
  'press-release': 'press release',
  secondary: 'secondary report',
  inference: 'our inference',
};

/** A conclusion's label with its provenance appended: "In general not substantiated (our inference)". */
export function withProvenance(label: string, knownFrom: z.infer<typeof KnownFrom>): string {
  return KNOWN_FROM_SHORT[knownFrom] ? `${label} (${KNOWN_FROM_SHORT[knownFrom]})` : label;
}

/** How each kind of change to a profile is introduced in its list of changes. */
export const CHANGE_KIND_LABEL = {
  added: 'Added',
  revised: 'Revised',
  removed: 'No longer',
  'unchanged-note': 'Unchanged',
} as const;

export const CONCLUSION_HEADING = {
  persecution: 'Article 9: acts of persecution',
  risk: 'Level of risk',
  nexus: 'Article 10: reasons for persecution',
  exclusion: 'Exclusion',
} as const;

/** The conclusions' names in a few words, for table columns and summaries. */
export const CONCLUSION_SHORT = {
  persecution: 'Article 9',
  risk: 'Level of risk',
  nexus: 'Article 10 reason',
  exclusion: 'Exclusion',
} as const;

/** "political opinion (imputed), highly likely" */
export function groundPhrase(g: {
  ground: z.infer<typeof Ground>;
  imputed: boolean;
  likelihood: z.infer<typeof Likelihood>;
  for?: string;
}): string {
  return `${g.imputed ? '(imputed) ' : ''}${GROUND_LABEL[g.ground]}: ${LIKELIHOOD_LABEL[g.likelihood]}${g.for ? ` (for ${g.for})` : ''}`;
}

/** A nexus conclusion in a few words: its grounds, or what the source says when it names none. */
export function nexusPhrase(v: { grounds: Parameters<typeof groundPhrase>[0][]; groundNotNamed?: boolean }): string {
  if (v.grounds.length) return v.grounds.map(groundPhrase).join('; ');
  return v.groundNotNamed ? 'A reason may be established; none named' : 'No reason for persecution established';
}

export const EXCLUSION_LABEL = {
  consider: 'Exclusion may need to be considered',
  none: 'No exclusion indicators noted',
} as const;

/** Any of the four conclusions, or a recorded gap. */
type ConclusionValue =
  | { status: 'not-known' }
  | { answer: keyof typeof PERSECUTION_LABEL }
  | { level: z.infer<typeof RiskLevel> }
  | Parameters<typeof nexusPhrase>[0]
  | { consider: boolean };

/** A conclusion's answer in a few words, the same on every page; "Not known" for a recorded gap. */
export function conclusionAnswer(v: ConclusionValue): string {
  if ('status' in v) return NOT_KNOWN_LABEL;
  if ('answer' in v) return PERSECUTION_LABEL[v.answer];
  if ('level' in v) return RISK_LABEL[v.level];
  if ('consider' in v) return v.consider ? EXCLUSION_LABEL.consider : EXCLUSION_LABEL.none;
  return nexusPhrase(v);
}

/** The answer with where it comes from, when that is not the official text: "Individual assessment (from a press release)". */
export function conclusionAnswerWithProvenance(v: ConclusionValue & { knownFrom?: z.infer<typeof KnownFrom> }): string {
  return 'knownFrom' in v && v.knownFrom ? withProvenance(conclusionAnswer(v), v.knownFrom) : conclusionAnswer(v);
}

/** An answer's provenance mark; none for a recorded gap, whose answer ("Not known") says it already. */
export function provenanceMark(v: ConclusionValue & { knownFrom?: z.infer<typeof KnownFrom> }): string | undefined {
  return 'status' in v ? undefined : PROVENANCE_MARK[v.knownFrom ?? 'official-text'];
}

/** What a background overview shows where a profile shows its answers. */
export const BACKGROUND_NOTE = 'Background overview: no conclusions of its own';

/** The status of an edition or of a profile in it. */
export const STATUS_LABEL = { current: 'Current', superseded: 'Superseded' } as const;

/** How much of a source we read, in a word (tables) and in a sentence (the source's page). */
export const ACCESS_LABEL = {
  read: 'Read in full',
  'partly-read': 'Partly read',
  secondary: 'Known only second-hand',
} as const;
export const ACCESS_NOTE = {
  read: 'We read the whole of this source (or of the registered excerpt) in a stored copy.',
  'partly-read': 'Only part of this source could be read.',
  secondary: 'We know this source only through another source.',
} as const;

/** The EU instruments, by full name and by short name. */
export const INSTRUMENT_NAME = {
  qd: 'Qualification Directive 2011/95/EU',
  qr: 'Qualification Regulation (EU) 2024/1347',
} as const;
export const INSTRUMENT_SHORT = { qd: 'Qualification Directive', qr: 'Qualification Regulation' } as const;

/** The word for a conclusion we record as not known. */
export const NOT_KNOWN_LABEL = 'Not known';

/**
 * A profile's answer in one line, for a search result: "Article 9: Amounts to persecution · Risk: Individual
 * assessment (from a press release) · Reason: political opinion (imputed): highly likely". Gaps say "Not known".
 */
export function conclusionsLine(k: {
  persecution: ConclusionValue;
  risk: ConclusionValue;
  nexus: ConclusionValue;
}): string {
  return [
    `Article 9: ${conclusionAnswerWithProvenance(k.persecution)}`,
    `Risk: ${conclusionAnswerWithProvenance(k.risk)}`,
    `Reason: ${conclusionAnswerWithProvenance(k.nexus)}`,
  ].join(' · ');
}

/** A turning point as wording needs it. */
interface NamedPoint {
  id: string;
  date: string;
  title: string;
}

/** "Evidence dated August 2022 to November 2023" (or "dated August 2023" when every finding has one date). */
export function evidenceSpanText(span: EvidenceSpan): string {
  return span.from === span.to
    ? `Evidence dated ${formatDate(span.from)}`
    : `Evidence dated ${formatDate(span.from)} to ${formatDate(span.to)}`;
}

/** Why evidence is stale, to follow "the conclusion" or "Its evidence": "rests only on evidence from before …". */
export function staleReason(stale: NonNullable<Staleness>, points: NamedPoint[]): string {
  if (stale.kind === 'age')
    return `rests only on evidence more than ${stale.limit} months old (${stale.months} months) at the edition's date`;
  const tp = points.find((p) => p.id === stale.point);
  return `rests only on evidence from before the latest turning point: ${tp ? `${tp.title} (${formatDate(tp.date)})` : stale.point}`;
}

/** The turning points a span predates, in a few words: "predates Fall of the Assad government (8 December 2024) and 4 later turning points". */
export function predatesText(span: EvidenceSpan, points: NamedPoint[]): string {
  const first = points.find((p) => p.id === span.predates[0]);
  if (!first) return '';
  const more = span.predates.length - 1;
  return `all of it predates ${first.title} (${formatDate(first.date)})${more ? ` and ${more} later turning point${more === 1 ? '' : 's'}` : ''}`;
}

/** Heading of the note a conclusion gives for standing on older evidence. */
export const EVIDENCE_NOTE_LABEL = 'Why it still stands:';

/** The same in a few words, for table cells: "Evidence Aug 2022 to Nov 2023; possibly out of date: all before …". */
export function evidenceShortText(span: EvidenceSpan, stale: Staleness, points: NamedPoint[]): string {
  const dates =
    span.from === span.to ? formatShortDate(span.from) : `${formatShortDate(span.from)} to ${formatShortDate(span.to)}`;
  if (!stale) return `Evidence ${dates}`;
  const why =
    stale.kind === 'age'
      ? `over ${stale.limit} months old`
      : `all before ${points.find((p) => p.id === stale.point)?.title ?? stale.point}`;
  return `Evidence ${dates}; possibly out of date: ${why}`;
}
