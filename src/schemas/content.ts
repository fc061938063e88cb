/**
 * The content model in one place: every schema that content files are checked against.
 *
 * Identity comes from the file path, never from a field, so that it cannot disagree with it:
 * - `content/countries/<country>.yaml`
 * - `content/editions/<country>-<yyyy-mm>.yaml`
 * - `content/sources/<source-id>.yaml`
 * - `content/law/<provision-id>.yaml`
 * - `content/profiles/<country>/<yyyy-mm>/<profile>.mdx`
 *
 * These are plain Zod modules (no `astro:content`), so the standalone checker, the build and the unit tests share
 * them.
 */
import { z } from 'astro/zod';
import { FullDate, Id, PartialDate, Text } from './primitives.ts';
import { SourceSchema } from './sources.ts';
import { Conclusions, NotKnown, ProfileChange, ProfileKind } from './conclusions.ts';

export * from './primitives.ts';
export * from './sources.ts';
export * from './conclusions.ts';

// ---------------------------------------------------------------------------------------------------------------
// Countries

/** A citation of a registered source with its pinpoint, as a field rather than in running text. */
export const SourceCitation = z.strictObject({
  /** The source id (content/sources/). */
  source: Id,
  /** The pinpoint, in the grammar of text citations ("sec. 1", "p. 12"); omit only for a source without structure. */
  locator: z.string().trim().default(''),
});

/**
 * An event after which evidence from before it may no longer describe the country (the fall of a government, a
 * new constitution). Conclusions whose findings all predate the latest one are flagged (rule stale-evidence).
 */
export const TurningPoint = z.strictObject({
  /** A permanent id, used in the open data (`evidence.predates`). */
  id: Id,
  /** The day it happened (its first day, for events over several days). */
  date: FullDate,
  /** The last day, for an event over several days. */
  until: FullDate.optional(),
  /** A short name ("Fall of the Assad government"). */
  title: Text.max(80, { error: 'must be a short name (at most 80 characters)' }),
  /** What happened, in one or two sentences of our own. */
  summary: Text,
  /** Where it is stated; at least one registered source, with a pinpoint where the source has a structure. */
  citations: z.array(SourceCitation).min(1, { error: 'a turning point must cite at least one registered source' }),
});

export const CountrySchema = z.strictObject({
  /** The country's English short name, as shown in headings ("Syria"). */
  name: Text,
  /** ISO 3166-1 alpha-2 code ("SY"). */
  iso: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as SY' }),
  /** One or two sentences on what the guidance for this country covers. */
  description: Text,
  /** Turning points, oldest first (checked: real dates, in order, cited). */
  turningPoints: z.array(TurningPoint).default([]),
  /** How old (in months, at an edition's date) the newest finding of a conclusion may be before it is stale. */
  staleAfterMonths: z.int().positive().default(24),
});

// ---------------------------------------------------------------------------------------------------------------
// Editions

export const LegalBasis = z.enum(['qd', 'qr']);

export const EditionSchema = z.strictObject({
  /** The country this edition belongs to (file name in content/countries/). */
  country: Id,
  /** Full title, e.g. "Country Guidance: Syria, April 2024". */
  title: Text,
  /** Short label used in navigation and citations, e.g. "April 2024" or "June 2025 (interim)". */
  label: Text,
  /** Date the edition was published. */
  published: FullDate,
  /**
   * The date up to which sources were considered for this edition. A finding may not cite a source published after
   * it (rule source-after-cutoff). Usually the publication date of the official guidance the edition follows.
   */
  sourcesUpTo: FullDate,
  /** The official COI reference period of the guidance, where it is known; otherwise say so in `coiPeriodNote`. */
  coiPeriod: z.strictObject({ from: PartialDate, to: PartialDate }).optional(),
  /** What is known (or not known) about the COI reference period, in plain words. */
  coiPeriodNote: Text.optional(),
  /** The EU instrument the edition's legal analysis applies: the Qualification Directive or Regulation. */
  legalBasis: LegalBasis,
  /** The registered source (content/sources/) that is the official text of this edition, if any. */
  basedOn: Id.optional(),
  /** Plain-language summary of the edition and what changed from the previous one. */
  summary: Text,
  /** What changed since the previous edition, one line each. */
  changes: z.array(Text).default([]),
  /** The edition that replaced this one; absent on the current edition. */
  supersededBy: Id.optional(),
  /** When this edition stopped being current; required together with `supersededBy`. */
  supersededOn: FullDate.optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Legal provisions

export const ProvisionSchema = z.strictObject({
  /** The instrument: Qualification Directive 2011/95/EU or Regulation (EU) 2024/1347. */
  instrument: LegalBasis,
  /** Article number as printed ("9"). */
  article: z.string().regex(/^\d+[a-z]?$/),
  /** Heading of the article ("Acts of persecution"). */
  title: Text,
  /** Plain-language summary of the article. */
  summary: Text,
  /** Parts that conclusions may name, e.g. id "2-e" for Article 9(2)(e). */
  parts: z
    .array(
      z.strictObject({
        /** Paragraph and point joined by hyphens: "1", "2-e", "1-d". */
        id: z.string().regex(/^[0-9a-z]+(?:-[a-z0-9]+)*$/),
        /** How the part is cited ("Article 9(2)(e)"). */
        label: Text,
        /** What it says, in plain words. */
        summary: Text,
      }),
    )
    .default([]),
  /** The same article in the other instrument (e.g. qd-9 ↔ qr-9). */
  correspondsTo: Id.optional(),
  /** What changed between the instruments, where something did. */
  changeNote: Text.optional(),
  /** The registered source holding the text (eu-qd, eu-qr). */
  source: Id,
});

// ---------------------------------------------------------------------------------------------------------------
// Profiles

export const ProfileSchema = z
  .strictObject({
    /** The profile's name as a heading ("Military deserters and defectors"). */
    title: Text,
    /** A risk profile (default) or a background overview without conclusions. */
    kind: ProfileKind.default('profile'),
    /** One sentence saying who the profile covers. */
    scope: Text,
    /** Month of the last change to this profile in this edition. */
    lastUpdate: PartialDate,
    /** Where this profile stands in the official guidance ("section 4.2.3"). */
    officialSection: Text.optional(),
    /** The structured legal conclusions; required for risk profiles, absent from overviews. */
    conclusions: Conclusions.optional(),
    /**
     * What changed for this profile since the previous edition of the country's guidance, shown on the profile and
     * its history page. Empty in the edition where the profile first appears (the page then says it is new).
     */
    changes: z.array(ProfileChange).default([]),
    /** Other profiles of the same edition worth reading with this one. */
    related: z.array(Id).default([]),
    /** Display order on the country page (lower first). */
    order: z.int().default(100),
  })
  .superRefine((profile, ctx) => {
    if (profile.kind === 'profile' && !profile.conclusions) {
      ctx.addIssue({
        code: 'custom',
        path: ['conclusions'],
        message:
          'a risk profile needs conclusions (persecution, risk, nexus, exclusion); write kind: overview for background without conclusions',
      });
    }
    if (profile.kind === 'overview' && profile.conclusions) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'an overview draws no conclusions; remove them or make it kind: profile',
      });
    }
  });

export type Country = z.infer<typeof CountrySchema>;
export type TurningPointEntry = z.infer<typeof TurningPoint>;
export type Edition = z.infer<typeof EditionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Provision = z.infer<typeof ProvisionSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Conclusions = z.infer<typeof Conclusions>;
export type ConclusionKey = keyof Conclusions;
export type AnyConclusion = Conclusions[ConclusionKey];
export type NotKnownConclusion = z.infer<typeof NotKnown>;
export type ProfileChangeEntry = z.infer<typeof ProfileChange>;

/** Components an MDX profile may use; anything else is rejected (rule unsafe-mdx). */
export const ALLOWED_COMPONENTS = ['Finding'] as const;
