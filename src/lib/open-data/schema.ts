/**
 * JSON Schema (2020-12) of the open data, version 1: published at /data/v1/schema.json and checked against every
 * document of the build by the tests. Adding an optional field keeps v1; renaming or removing one needs v2.
 */
import { Ground, KnownFrom, Likelihood, RiskLevel, SourceAccess } from '../../schemas/content.ts';
import { absoluteUrl } from '../site-url.ts';
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
      properties: {
        heading: str,
        url,
        summary: str,
        // Enumerations come from the content schema, so the data can never promise less or more than content holds.
        knownFrom: { enum: KnownFrom.options },
        basis: str,
        supportedBy: { type: 'array', items: findingRef },
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
      required: [...headerKeys, 'id', 'name', 'iso', 'description', 'currentEdition', 'editions'],
      properties: {
        ...header('country'),
        id,
        name: str,
        iso: { type: 'string', pattern: '^[A-Z]{2}$' },
        description: str,
        currentEdition: nullableStr,
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
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['source', 'pinpoint', 'sourceDataUrl'],
                  properties: { source: id, pinpoint: nullableStr, sourceDataUrl: url },
                },
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
