/** CSL-JSON export of one source (Zotero, citation managers), generated at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/site-data.ts';
import { toCsl } from '../../lib/csl.ts';

export const getStaticPaths = (() => [...getCorpus().sources.entries()].filter(([, e]) => e.data).map(([id]) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const source = getCorpus().sources.get(params.id!)!.data!;
  return new Response(JSON.stringify([toCsl(params.id!, source)], null, 2), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' } });
};
