/** biblatex export of one source, generated at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslOf, cslRegister } from '../../citing/csl.ts';
import { toBiblatex } from '../../citing/exports/biblatex.ts';

export const getStaticPaths = (() =>
  [...cslRegister(getCorpus()).keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(toBiblatex([cslOf(getCorpus(), params.id!)]), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
