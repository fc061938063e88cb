/**
 * Every file of the open data, by URL, each produced only when asked for: the build writes them all, the dev
 * server answers one request at a time. They are written by an integration (src/integrations/open-data.ts), not
 * rendered as Astro endpoints: a thousand profiles meant a thousand routes through the page pipeline for what is
 * one JSON.stringify each.
 */
import type { Corpus } from '../../corpus/corpus.ts';
import { countryData, editionData, profileData, sourceData } from './build.ts';
import { openDataSchema } from './schema.ts';
import { countryDataUrl, dataSchemaUrl, editionDataUrl, profileDataUrl, sourceDataUrl } from './urls.ts';

export interface OpenDataFile {
  contentType: string;
  text: () => string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (make: () => unknown): OpenDataFile => ({ contentType: JSON_TYPE, text: () => JSON.stringify(make()) });

export function openDataFiles(c: Corpus): Map<string, OpenDataFile> {
  const files = new Map<string, OpenDataFile>();
  files.set(dataSchemaUrl(), {
    contentType: 'application/schema+json; charset=utf-8',
    text: () => JSON.stringify(openDataSchema(), null, 2),
  });
  for (const [id, country] of c.countries)
    if (country.data)
      files.set(
        countryDataUrl(id),
        json(() => countryData(c, id)),
      );
  for (const [id, edition] of c.editions)
    if (edition.data)
      files.set(
        editionDataUrl(edition.data.country, id),
        json(() => editionData(c, id)),
      );
  for (const p of c.profiles)
    if (p.data)
      files.set(
        profileDataUrl(p.country, p.edition, p.profile),
        json(() => profileData(c, p)),
      );
  for (const [id, source] of c.sources)
    if (source.data)
      files.set(
        sourceDataUrl(id),
        json(() => sourceData(c, id)),
      );
  return files;
}
