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
 * These are plain Zod modules (no `astro:content`), so the standalone checker, the Astro collections and the unit
 * tests share them.
 */
import { z } from 'astro/zod';

/** A kebab-case identifier: lower-case letters, digits and single hyphens. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case (a-z, 0-9, single hyphens)' });

/**
 * A calendar date as written by authors: `2024`, `2024-04` or `2024-04-15`.
 * YAML loaders may already have turned a full date into a `Date`; it is turned back into its ISO form.
 */
export const PartialDate = z.preprocess(
  // YAML reads an unquoted `2011` as a number and an unquoted full date as a Date.
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : Number.isInteger(value) ? String(value) : value),
  z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD',
  }),
);

/** A full calendar date, `2024-04-15`. */
export const FullDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, { error: 'must be a date written as YYYY-MM-DD' }),
);

/** Plain text that must say something. */
const Text = z.string().trim().min(1, { error: 'must not be empty' });

// ---------------------------------------------------------------------------------------------------------------
// Countries

export const CountrySchema = z.strictObject({
  /** The country's English short name, as shown in headings ("Syria"). */
  name: Text,
  /** ISO 3166-1 alpha-2 code ("SY"). */
  iso: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as SY' }),
  /** One or two sentences on what the guidance for this country covers. */
  description: Text,
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
// Sources (CSL-JSON fields, so that Zotero and citation tools read them, plus our own)

/** A CSL name: an institution (`literal`) or a person (`family`, `given`). */
export const CslName = z.union([
  z.strictObject({ literal: Text }),
  z.strictObject({ family: Text, given: Text.optional() }),
]);

/** A section of a source that a pinpoint may name. */
export const SourceSection = z.strictObject({
  /**
   * The section's label as the source prints it: its number ("VI", "4.2.3") or, for an unnumbered section, its
   * heading ("COI summary", "Guidance note"), never a slug of our own.
   */
  id: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9.\-]| (?=\S))*$/, { error: 'must be a section number such as VI or 4.2.3, or the heading of an unnumbered section such as COI summary' }),
  /** The section's heading. */
  title: Text.optional(),
  /** First and last page of the section, when the source is paginated. */
  pages: z.tuple([z.int().positive(), z.int().positive()]).optional(),
});

/** What a pinpoint may point at. A source without structure can only be cited as a whole. */
export const SourceStructure = z.strictObject({
  /** Number of pages. */
  pages: z.int().positive().optional(),
  /** Sections that may be cited with `sec.`. */
  sections: z.array(SourceSection).optional(),
  /** Numbered paragraphs (judgments, UNHCR guidelines): how many, or the first and last of an excerpt. */
  paragraphs: z.union([z.int().positive(), z.tuple([z.int().positive(), z.int().positive()])]).optional(),
  /** Article numbers that exist (legislation), e.g. ["9", "10", "12"]. */
  articles: z.array(z.string().regex(/^\d+[a-z]?$/)).optional(),
  /** Number of footnotes. */
  footnotes: z.int().positive().optional(),
  /** Number of points in a judgment's operative part, cited with `pt.`. */
  points: z.int().positive().optional(),
  /** Indents (dashed sub-paragraphs) within points of the operative part, by point: `{ "1": 6 }`, cited `pt. 1, ind. 2`. */
  indents: z.record(z.string().regex(/^\d+$/), z.int().positive()).optional(),
});

export const SourceType = z.enum([
  'report',
  'webpage',
  'article-newspaper',
  'legal_case',
  'legislation',
  'document',
  'book',
  'post',
  'speech',
]);

/** How far we could read and trust the source; shown next to every citation list. */
export const SourceAccess = z.enum([
  /** We read the cited passages in a stored copy of the source itself. */
  'read',
  /** Only part of the source could be read; what was not read is said in `accessNote`. */
  'partly-read',
  /** We know the content only through another source (a summary, a news report). */
  'secondary',
]);

export const SourceSchema = z.strictObject({
  /** CSL item type. */
  type: SourceType,
  /** Full title. */
  title: Text,
  /** Short title for inline citations ("Country Guidance 2024"). */
  shortTitle: Text,
  /** Authors, usually one institution. */
  author: z.array(CslName).min(1),
  /** Publisher, if different from the author or needed for the reference. */
  publisher: Text.optional(),
  /** Court or body for legal cases ("Court of Justice of the European Union"). */
  authority: Text.optional(),
  /** Case number, decree number, report number. */
  number: Text.optional(),
  /**
   * The edition of guidance (content/editions/) this source is one part of, such as a single page of the EUAA's
   * guidance, when it is not the edition's own `basedOn` document. Search then labels it with the edition's status.
   */
  partOfEdition: Id.optional(),
  /** Publication date. */
  issued: PartialDate,
  /**
   * The site holding the copy we read, when it is not the publisher's own (an aggregator, Refworld, ReliefWeb, a
   * content-delivery host). Kept apart from `publisher`, which is who issued the text.
   */
  host: Text.optional(),
  /** Where the source was read. */
  URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** When we last read it. */
  accessed: FullDate.optional(),
  /** Language of the text we read (BCP 47). */
  language: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/).default('en'),
  /** What a pinpoint may point at; see SourceStructure. */
  structure: SourceStructure.optional(),
  /** A stored copy of the source and its SHA-256, checked at every build (rule archive-mismatch). */
  archive: z.strictObject({ path: Text, sha256: z.string().regex(/^[a-f0-9]{64}$/) }).optional(),
  /** One line: who produced it, by what method, and its limits. */
  description: Text,
  /** How far we could read the source (see SourceAccess). */
  access: SourceAccess,
  /** What we could not read or check, in plain words. */
  accessNote: Text.optional(),
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
// Profiles: conclusions in frontmatter

/** Finding references: `finding-id`, or `other-profile#finding-id` for a finding of another profile in the same edition. */
export const FindingRef = z.string().regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*#)?[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'must be a finding id, or profile#finding-id for a finding of another profile in the same edition',
});

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
};

/** A conclusion that could not be established from what we could read: recorded, never guessed. */
export const NotKnown = z.strictObject({
  status: z.literal('not-known'),
  /** Why it is not known. */
  why: Text,
  /** What would settle it (the document and section to read). */
  wouldSettle: Text,
});

export const PersecutionConclusion = z.strictObject({
  /** Do the acts amount to persecution under Article 9? */
  answer: z.enum(['yes', 'no', 'depends']),
  /** The provisions applied, e.g. [qd-9-1-a, qd-9-2-e]. */
  provisions: z.array(z.string().regex(/^(?:qd|qr)-\d+[a-z]?(?:-[a-z0-9]+)*$/)).default([]),
  ...ConclusionBase,
}).superRefine(basisRequired);

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

export const RiskConclusion = z.strictObject({
  /** The level of risk. */
  level: RiskLevel,
  /** Risk-impacting circumstances, in plain words. */
  factors: z.array(Text).default([]),
  ...ConclusionBase,
}).superRefine(basisRequired);

export const Ground = z.enum(['race', 'religion', 'nationality', 'political-opinion', 'particular-social-group']);
export const Likelihood = z.enum(['highly-likely', 'may', 'unlikely']);

export const NexusConclusion = z.strictObject({
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
}).superRefine(basisRequired);

export const ExclusionConclusion = z.strictObject({
  /** Whether exclusion (Article 12) should be considered for this profile. */
  consider: z.boolean(),
  /** Why, in plain language. */
  summary: Text,
  /** Findings behind it; optional because exclusion is a prompt to examine, not a finding of fact. */
  supportedBy: z.array(FindingRef).default([]),
  knownFrom: KnownFrom.default('official-text'),
  basis: Text.optional(),
}).superRefine(basisRequired);

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
    /** Other profiles of the same edition worth reading with this one. */
    related: z.array(Id).default([]),
    /** Display order on the country page (lower first). */
    order: z.int().default(100),
  })
  .superRefine((profile, ctx) => {
    if (profile.kind === 'profile' && !profile.conclusions) {
      ctx.addIssue({ code: 'custom', path: ['conclusions'], message: 'a risk profile needs conclusions (persecution, risk, nexus, exclusion); write kind: overview for background without conclusions' });
    }
    if (profile.kind === 'overview' && profile.conclusions) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'an overview draws no conclusions; remove them or make it kind: profile' });
    }
  });

export type Country = z.infer<typeof CountrySchema>;
export type Edition = z.infer<typeof EditionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Provision = z.infer<typeof ProvisionSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Conclusions = z.infer<typeof Conclusions>;
export type ConclusionKey = keyof Conclusions;
export type AnyConclusion = Conclusions[ConclusionKey];
export type NotKnownConclusion = z.infer<typeof NotKnown>;

/** Components an MDX profile may use; anything else is rejected (rule unsafe-mdx). */
export const ALLOWED_COMPONENTS = ['Finding'] as const;
