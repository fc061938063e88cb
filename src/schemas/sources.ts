/** The source register: CSL-JSON fields, so that Zotero and citation tools read them, plus the structure pinpoints are checked against. */
import { z } from 'astro/zod';
import { FullDate, Id, PartialDate, Text } from './primitives.ts';
import { explainBadUrl } from './web-address.ts';

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
  id: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9.-]| (?=\S))*$/, {
    error: 'must be a section number such as VI or 4.2.3, or the heading of an unnumbered section such as COI summary',
  }),
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
  /**
   * We read the whole source in a stored copy of it (for a source registered as an excerpt, such as Handbook
   * paragraphs 167–174, the whole excerpt). Reading only the cited passages is `partly-read`.
   */
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
  /** Where the source was read: an absolute http(s) URL, percent-encoded (see web-address.ts). */
  URL: z
    .string()
    .superRefine((url, ctx) => {
      const why = explainBadUrl(url);
      if (why) ctx.addIssue({ code: 'custom', message: `must be an absolute http(s) URL: it ${why}` });
    })
    .optional(),
  /** When we last read it. */
  accessed: FullDate.optional(),
  /** Language of the text we read (BCP 47). */
  language: z
    .string()
    .regex(/^[a-z]{2}(?:-[A-Z]{2})?$/)
    .default('en'),
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
