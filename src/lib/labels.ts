/** Plain-language wording for the structured conclusions, in one place so every page says the same thing. */
import type { z } from 'astro/zod';
import type { Ground, KnownFrom, Likelihood, RiskLevel } from '../schemas/content.ts';

export const RISK_LABEL: Record<z.infer<typeof RiskLevel>, string> = {
  'in-general': 'Well-founded fear in general substantiated',
  'risk-factors': 'Only with risk-impacting circumstances',
  'not-in-general': 'In general not substantiated',
  individual: 'Individual assessment',
};

export const PERSECUTION_LABEL = { yes: 'Amounts to persecution', no: 'Does not amount to persecution', depends: 'Depends on the case' } as const;

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
  'press-release': 'Known only from the publisher’s press release: the official conclusion text was not available to us.',
  secondary: 'Known only from a secondary report: the official conclusion text was not available to us.',
  inference: 'Our inference from a general statement of the publisher: no conclusion written for this profile was available to us.',
};

/** The same provenance in a few words, for tables and lists ("" for the official text). */
export const KNOWN_FROM_SHORT: Record<z.infer<typeof KnownFrom>, string> = {
  'official-text': '',
  'press-release': 'from a press release',
  secondary: 'from a secondary report',
  inference: 'our inference',
};

/** A conclusion's label with its provenance appended: "In general not substantiated (our inference)". */
export function withProvenance(label: string, knownFrom: z.infer<typeof KnownFrom>): string {
  return KNOWN_FROM_SHORT[knownFrom] ? `${label} (${KNOWN_FROM_SHORT[knownFrom]})` : label;
}

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
export function groundPhrase(g: { ground: z.infer<typeof Ground>; imputed: boolean; likelihood: z.infer<typeof Likelihood>; for?: string }): string {
  return `${g.imputed ? '(imputed) ' : ''}${GROUND_LABEL[g.ground]}: ${LIKELIHOOD_LABEL[g.likelihood]}${g.for ? ` (for ${g.for})` : ''}`;
}

/** A nexus conclusion in a few words: its grounds, or what the source says when it names none. */
export function nexusPhrase(v: { grounds: Parameters<typeof groundPhrase>[0][]; groundNotNamed?: boolean }): string {
  if (v.grounds.length) return v.grounds.map(groundPhrase).join('; ');
  return v.groundNotNamed ? 'A reason may be established; none named' : 'No reason for persecution established';
}

/** The exclusion prompt in a few words, as the conclusion cards say it. */
export const EXCLUSION_LABEL = { consider: 'Exclusion may need to be considered', none: 'No exclusion indicators noted' } as const;

export const NOT_KNOWN_LABEL = 'Not known';

type Conclusion<T> = { status: string } | T;
interface Conclusions {
  persecution: Conclusion<{ answer: keyof typeof PERSECUTION_LABEL; knownFrom: z.infer<typeof KnownFrom> }>;
  risk: Conclusion<{ level: z.infer<typeof RiskLevel>; knownFrom: z.infer<typeof KnownFrom> }>;
  nexus: Conclusion<Parameters<typeof nexusPhrase>[0] & { knownFrom: z.infer<typeof KnownFrom> }>;
}

/**
 * A profile's answer in one line, for a search result: "Article 9: Amounts to persecution · Risk: Individual
 * assessment · Reason: political opinion (imputed): highly likely". Gaps say "Not known", never a guess.
 */
export function conclusionsLine(k: Conclusions): string {
  const part = <T extends object>(v: Conclusion<T>, text: (x: T) => string) =>
    'status' in v ? NOT_KNOWN_LABEL : withProvenance(text(v as T), (v as { knownFrom: z.infer<typeof KnownFrom> }).knownFrom);
  return [
    `Article 9: ${part(k.persecution, (v) => PERSECUTION_LABEL[v.answer])}`,
    `Risk: ${part(k.risk, (v) => RISK_LABEL[v.level])}`,
    `Reason: ${part(k.nexus, (v) => nexusPhrase(v))}`,
  ].join(' · ');
}
