/** Open data: one source, its CSL-JSON, and everything that relies on it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../../lib/site-data.ts';
import { sourceData } from '../../../../lib/open-data/build.ts';

export const getStaticPaths = (() =>
  [...getCorpus().sources].filter(([, e]) => e.data).map(([id]) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => Response.json(sourceData(getCorpus(), params.id!));
