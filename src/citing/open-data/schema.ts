/**
 * JSON Schema (2020-12) of the open data, version 1: published at /data/v1/schema.json and checked against every
 * document of the build by the tests. Adding an optional field keeps v1; renaming or removing one needs v2.
 */
import { Ground, KnownFrom, Likelihood, RiskLevel, SourceAccess } from '../../schemas/content.ts';
import { absoluteUrl } from '../../site/site-url.ts';
import { DATA_VERSION, dataSchemaUrl } from './urls.ts';

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const url = { type: 'string', format: 'uri' };
const fullDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const partialDate = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };
const id = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' };

const header = (kind: string) => ({
  $schema: url,
  version: { const: DATA_VERSION },
  kind: { const: kind },
  url,
  dataUrl: url,
});
const headerKeys = ['$schema', 'version', 'kind', 'url', 'dataUrl'];

const findingRef = {
  type: 'object',
  additionalProperties: false,
  required: ['profile', 'finding', 'title', 'url'],
  properties: { profile: id, finding: id, title: str, url },
};

/** The span of a conclusion's findings and the turning points (ids in the country's data) they all predate. */
const evidence = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'predates'],
  properties: { from: partialDate, to: partialDate, predates: { type: 'array', items: id } },
};

const conclusion = {
  oneOf: [
    {
      description: 'A conclusion that could not be established from what could be read: recorded, never guessed.',
      type: 'object',
      additionalProperties: false,
      required: ['heading', 'url', 'status', 'why', 'wouldSettle'],
      properties: { heading: str, url, status: { const: 'not-known' }, why: str, wouldSettle: str },
    },
    {
      description:
        'An established conclusion with its provenance: where our statement comes from and the findings it rests on.',
      type: 'object',
      additionalProperties: false,
      required: ['heading', 'url', 'summary', 'knownFrom', 'supportedBy'],
      // Every conclusion that rests on findings says how current they are.
      if: { required: ['supportedBy'], properties: { supportedBy: { type: 'array', minItems: 1 } } },
      then: { required: ['evidence'], properties: { evidence } },
      properties: {
        heading: str,
        url,
        summary: str,
        // Enumerations come from the content schema, so the data can never promise less or more than content holds.
        knownFrom: { enum: KnownFrom.options },
        basis: str,
        supportedBy: { type: 'array', items: findingRef },
        evidence,
        evidenceNote: str,
        answer: { enum: ['yes', 'no', 'depends'] },
        provisions: { type: 'array', items: str },
        level: { enum: RiskLevel.options },
        factors: { type: 'array', items: str },
        grounds: {
          type: 'array',
          items: {
            type: 'object',
            required: ['ground', 'likelihood'],
            properties: {
              ground: { enum: Ground.options },
              imputed: { type: 'boolean' },
              likelihood: { enum: Likelihood.options },
              for: str,
            },
            additionalProperties: false,
          },
        },
        groundNotNamed: { type: 'boolean' },
        consider: { type: 'boolean' },
      },
    },
  ],
};

const citation = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'pinpoint', 'sourceDataUrl'],
  properties: { source: id, pinpoint: nullableStr, sourceDataUrl: url },
};

const turningPoint = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'date', 'until', 'title', 'summary', 'citations'],
  properties: {
    id,
    date: fullDate,
    until: { oneOf: [fullDate, { type: 'null' }] },
    title: str,
    summary: str,
    citations: { type: 'array', minItems: 1, items: citation },
  },
};

/** A list of the review: objects of the given fields, all required. */
const list = (properties: Record<string, unknown>) => ({
  type: 'array',
  items: { type: 'object', additionalProperties: false, required: Object.keys(properties), properties },
});

/** What a reviewer checks of the current edition (src/site/review.ts), each list already sorted. */
const review = {
  type: 'object',
  additionalProperties: false,
  required: ['edition', 'staleConclusions', 'notKnown', 'findingsByAge', 'partlyReadSources', 'uncitedSources'],
  properties: {
    edition: id,
    staleConclusions: list({
      profile: id,
      conclusion: str,
      url,
      evidence,
      reason: { enum: ['turning-point', 'age'] },
      evidenceNote: nullableStr,
    }),
    notKnown: list({ profile: id, conclusion: str, url, wouldSettle: str }),
    findingsByAge: list({ profile: id, finding: id, asOf: partialDate, url }),
    partlyReadSources: list({
      source: id,
      access: { enum: ['partly-read', 'secondary'] },
      conclusions: { type: 'integer' },
      sourceDataUrl: url,
    }),
    uncitedSources: list({ source: id, sourceDataUrl: url }),
  },
};

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: `Country Guidance open data, ${DATA_VERSION}`,
  description:
    'Countries, editions, profiles (conclusions with provenance, findings with citations and pinpoints) and sources.',
  oneOf: [
    { $ref: '#/$defs/country' },
    { $ref: '#/$defs/edition' },
    { $ref: '#/$defs/profile' },
    { $ref: '#/$defs/source' },
  ],
  $defs: {
    country: {
      type: 'object',
      additionalProperties: false,
      // prettier-ignore
      required: [...headerKeys, 'id', 'name', 'iso', 'description', 'currentEdition', 'staleAfterMonths', 'turningPoints', 'review', 'editions'],
      properties: {
        ...header('country'),
        id,
        name: str,
        iso: { type: 'string', pattern: '^[A-Z]{2}$' },
        description: str,
        currentEdition: nullableStr,
        staleAfterMonths: { type: 'integer', minimum: 1 },
        turningPoints: { type: 'array', items: turningPoint },
        review: { oneOf: [{ type: 'null' }, review] },
        editions: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'label', 'published', 'url', 'dataUrl'],
            properties: { id, label: str, published: fullDate, url, dataUrl: url },
          },
        },
      },
    },
    edition: {
      type: 'object',
      additionalProperties: false,
      // The field list reads best on one line.
      // prettier-ignore
      required: [...headerKeys, 'id', 'country', 'title', 'label', 'published', 'sourcesUpTo', 'legalBasis', 'basedOn', 'summary', 'changes', 'supersededBy', 'supersededOn', 'profiles'],
      properties: {
        ...header('edition'),
        id,
        country: id,
        title: str,
        label: str,
        published: fullDate,
        sourcesUpTo: fullDate,
        legalBasis: str,
        basedOn: nullableStr,
        summary: str,
        changes: { type: 'array', items: str },
        supersededBy: nullableStr,
        supersededOn: { oneOf: [fullDate, { type: 'null' }] },
        profiles: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'url', 'dataUrl'],
            properties: { id, title: str, url, dataUrl: url },
          },
        },
      },
    },
    profile: {
      type: 'object',
      additionalProperties: false,
      // The field list reads best on one line.
      // prettier-ignore
      required: [...headerKeys, 'id', 'country', 'edition', 'profileKind', 'title', 'scope', 'lastUpdate', 'officialSection', 'related', 'conclusions', 'findings'],
      properties: {
        ...header('profile'),
        id,
        country: id,
        edition: id,
        profileKind: { enum: ['profile', 'overview'] },
        title: str,
        scope: str,
        lastUpdate: partialDate,
        officialSection: nullableStr,
        related: { type: 'array', items: id },
        conclusions: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['persecution', 'risk', 'nexus', 'exclusion'],
              properties: { persecution: conclusion, risk: conclusion, nexus: conclusion, exclusion: conclusion },
            },
          ],
        },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'url', 'asOf', 'uncertain', 'text', 'citations'],
            properties: {
              id,
              title: str,
              url,
              asOf: partialDate,
              uncertain: nullableStr,
              text: str,
              citations: {
                type: 'array',
                minItems: 1,
                items: citation,
              },
            },
          },
        },
      },
    },
    source: {
      type: 'object',
      additionalProperties: false,
      required: [...headerKeys, 'id', 'csl', 'description', 'access', 'accessNote', 'structure', 'reliedOnBy'],
      properties: {
        ...header('source'),
        id,
        csl: {
          description: 'The source as a CSL-JSON item (citation managers).',
          type: 'object',
          required: ['id', 'type', 'title', 'issued'],
          properties: {
            id,
            type: str,
            title: str,
            URL: url,
            issued: { type: 'object', required: ['date-parts'], properties: { 'date-parts': { type: 'array' } } },
          },
        },
        description: str,
        access: { enum: SourceAccess.options },
        accessNote: nullableStr,
        structure: { type: ['object', 'null'] },
        reliedOnBy: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['edition', 'profile', 'finding', 'pinpoints', 'url'],
            // finding is null for a citation outside any finding (in the reasoning or another part of the text).
            properties: {
              edition: id,
              profile: id,
              finding: { anyOf: [id, { type: 'null' }] },
              pinpoints: { type: 'array', items: str },
              url,
            },
          },
        },
      },
    },
  },
} as const;

/** The schema, its `$id` the absolute address it is published at (some validators cannot resolve a relative one). */
export const openDataSchema = () => ({ $id: absoluteUrl(dataSchemaUrl()), ...schema });
