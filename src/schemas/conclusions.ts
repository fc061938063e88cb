/** The legal conclusions of a profile (Articles 9, 10, 12 and the level of risk), where each comes from, and what changed. */
import { z } from 'astro/zod';
import { ID_PATTERN } from './id.ts';
import { Text } from './primitives.ts';

/** The id grammar without its anchors, to build other grammars from. */
const ID = ID_PATTERN.source.slice(1, -1);

/** Provision ids: an article (`qd-9`) or one of its parts (`qd-9-2-e`) of the Directive (qd) or Regulation (qr). */
export const PROVISION_ID = /^(qd|qr)-(\d+[a-z]?)(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/** Reads a provision id into its instrument, article (`qd-9`) and part (`2-e`); the one reader of this grammar. */
export function parseProvisionId(
  id: string,
): { instrument: 'qd' | 'qr'; article: string; articleId: string; part?: string } | null {
  const m = PROVISION_ID.exec(id);
  if (!m) return null;
  return {
    instrument: m[1] as 'qd' | 'qr',
    article: m[2],
    articleId: `${m[1]}-${m[2]}`,
    ...(m[3] ? { part: m[3] } : {}),
  };
}

/** Finding references: `finding-id`, or `other-profile#finding-id` for a finding of another profile in the same edition. */
export const FindingRef = z.string().regex(new RegExp(`^(?:${ID}#)?${ID}$`), {
  error: 'must be a finding id, or profile#finding-id for a finding of another profile in the same edition',
});

/**
 * Reads a finding reference: `finding-id` names a finding of `ownProfile`, `profile#finding-id` one of another
 * profile in the same edition. The one reader of this grammar.
 */
export function parseFindingRef(ref: string, ownProfile: string): { profile: string; finding: string; own: boolean } {
  const hash = ref.indexOf('#');
  return hash === -1
    ? { profile: ownProfile, finding: ref, own: true }
    : { profile: ref.slice(0, hash), finding: ref.slice(hash + 1), own: false };
}

/** Where our statement of an official conclusion comes from. */
export const KnownFrom = z.enum([
  /** The official guidance text itself. */
  'official-text',
  /** Only the publisher's press release or news item. */
  'press-release',
  /** Only a secondary report of the conclusion. */
  'secondary',
  /** Our own inference from a general statement of the publisher, not a conclusion written for this profile. */
  'inference',
]);

/**
 * Anything but the official text must name what it rests on (rule: a conclusion says exactly where it comes from).
 */
const basisRequired = (v: { knownFrom: z.infer<typeof KnownFrom>; basis?: string }, ctx: z.RefinementCtx) => {
  if (v.knownFrom !== 'official-text' && !v.basis) {
    ctx.addIssue({
      code: 'custom',
      path: ['basis'],
      message: `a conclusion known from ${v.knownFrom} must name the statement it rests on in \`basis\``,
    });
  }
};

/** Fields shared by every known conclusion. */
const ConclusionBase = {
  /** The conclusion in plain language, one or two sentences. */
  summary: Text,
  /** Findings that support the conclusion; at least one (rule unsupported-conclusion). */
  supportedBy: z.array(FindingRef).default([]),
  /** Where our statement of the conclusion comes from (default: the official text). */
  knownFrom: KnownFrom.default('official-text'),
  /**
   * Required unless known from the official text: the statement the conclusion rests on (which document, which
   * passage, what it says), so a reader can weigh it.
   */
  basis: Text.optional(),
  /**
   * Why the conclusion stands although its findings all predate the country's latest turning point or are older
   * than its limit (rule stale-evidence), e.g. the official text itself still relies on that evidence.
   */
  evidenceNote: Text.optional(),
};

/** A conclusion that could not be established from what we could read: recorded, never guessed. */
export const NotKnown = z.strictObject({
  status: z.literal('not-known'),
  /** Why it is not known. */
  why: Text,
  /** What would settle it (the document and section to read). */
  wouldSettle: Text,
});

export const PersecutionConclusion = z
  .strictObject({
    /** Do the acts amount to persecution under Article 9? */
    answer: z.enum(['yes', 'no', 'depends']),
    /** The provisions applied, e.g. [qd-9-1-a, qd-9-2-e]. */
    provisions: z
      .array(z.string().regex(PROVISION_ID, { error: 'must be a provision id such as qd-9 or qd-9-2-e' }))
      .default([]),
    ...ConclusionBase,
  })
  .superRefine(basisRequired);

export const RiskLevel = z.enum([
  /** Well-founded fear is in general substantiated. */
  'in-general',
  /** Substantiated only where risk-impacting circumstances are present. */
  'risk-factors',
  /** In general not substantiated; an individual assessment remains. */
  'not-in-general',
  /** No general statement; each case on its own facts. */
  'individual',
]);

export const RiskConclusion = z
  .strictObject({
    /** The level of risk. */
    level: RiskLevel,
    /** Risk-impacting circumstances, in plain words. */
    factors: z.array(Text).default([]),
    ...ConclusionBase,
  })
  .superRefine(basisRequired);

export const Ground = z.enum(['race', 'religion', 'nationality', 'political-opinion', 'particular-social-group']);
export const Likelihood = z.enum(['highly-likely', 'may', 'unlikely']);

export const NexusConclusion = z
  .strictObject({
    /** The reasons for persecution under Article 10; empty where there is no persecution to connect. */
    grounds: z
      .array(
        z.strictObject({
          ground: Ground,
          /** Attributed to the applicant by the persecutor (Article 10(2)). */
          imputed: z.boolean().default(false),
          likelihood: Likelihood,
          /** Who this ground applies to, if not the whole profile ("conscientious objectors"). */
          for: Text.optional(),
        }),
      )
      .default([]),
    /**
     * The source says a link to an Article 10 reason may exist but names no reason: recorded so, rather than with a
     * ground we would have to pick ourselves.
     */
    groundNotNamed: z.boolean().default(false),
    ...ConclusionBase,
  })
  .superRefine(basisRequired);

export const ExclusionConclusion = z
  .strictObject({
    /** Whether exclusion (Article 12) should be considered for this profile. */
    consider: z.boolean(),
    /** Why, in plain language. */
    summary: Text,
    /** Findings behind it; optional because exclusion is a prompt to examine, not a finding of fact. */
    supportedBy: z.array(FindingRef).default([]),
    knownFrom: KnownFrom.default('official-text'),
    basis: Text.optional(),
    evidenceNote: ConclusionBase.evidenceNote,
  })
  .superRefine(basisRequired);

const orNotKnown = <T extends z.ZodType>(schema: T) => z.union([NotKnown, schema]);

export const ProfileKind = z.enum([
  /** A risk profile: who is at risk and why, with the four conclusions. */
  'profile',
  /** Background shared by several profiles (e.g. the military service overview); it draws no conclusions. */
  'overview',
]);

export const Conclusions = z.strictObject({
  /** Article 9: do the acts amount to persecution? */
  persecution: orNotKnown(PersecutionConclusion),
  /** Is a well-founded fear substantiated, and for whom? */
  risk: orNotKnown(RiskConclusion),
  /** Article 10: for which reason? */
  nexus: orNotKnown(NexusConclusion),
  /** Article 12: should exclusion be considered? */
  exclusion: orNotKnown(ExclusionConclusion),
});

/** The four conclusions, in the order every page presents them (the order of the schema). */
export const CONCLUSION_KEYS = Conclusions.keyof().options;

/** How a profile changed since the previous edition. */
export const ChangeKind = z.enum([
  /** Something this edition adds: a conclusion that is now known, new findings, a new part of the scope. */
  'added',
  /** A conclusion, its provenance or the scope now says something different. */
  'revised',
  /** Something the previous edition had that this one no longer has (a conclusion no longer known, findings dropped). */
  'removed',
  /** Worth saying although nothing changed, e.g. a gap that is still open. */
  'unchanged-note',
]);

/** One change to a profile since the previous edition: a short line in our own words, citing nothing new. */
export const ProfileChange = z.strictObject({
  kind: ChangeKind,
  /** What changed, in one short sentence. */
  what: Text.max(300, { error: 'must be one short sentence (at most 300 characters)' }),
});
