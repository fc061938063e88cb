/** Open data: one country and its editions. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../lib/site-data.ts';
import { countryData } from '../../../lib/open-data/build.ts';

export const getStaticPaths = (() =>
  [...getCorpus().countries]
    .filter(([, e]) => e.data)
    .map(([country]) => ({ params: { country } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => Response.json(countryData(getCorpus(), params.country!));
