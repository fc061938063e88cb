/** Where the open data lives. The version is in the path: a change that breaks readers gets a new one. */
import { editionMonth } from '../../shared/urls.ts';

export const DATA_VERSION = 'v1';
const base = `/data/${DATA_VERSION}`;

export const dataSchemaUrl = () => `${base}/schema.json`;
export const countryDataUrl = (country: string) => `${base}/${country}.json`;
export const editionDataUrl = (country: string, editionId: string) =>
  `${base}/${country}/${editionMonth(editionId)}.json`;
export const profileDataUrl = (country: string, editionId: string, profile: string) =>
  `${base}/${country}/${editionMonth(editionId)}/${profile}.json`;
export const sourceDataUrl = (id: string) => `${base}/sources/${id}.json`;
