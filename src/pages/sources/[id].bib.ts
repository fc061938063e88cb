/** BibTeX export of one source, generated at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/site-data.ts';
import { toBibtex } from '../../lib/csl.ts';

export const getStaticPaths = (() => [...getCorpus().sources.entries()].filter(([, e]) => e.data).map(([id]) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const source = getCorpus().sources.get(params.id!)!.data!;
  return new Response(toBibtex([[params.id!, source]]), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
