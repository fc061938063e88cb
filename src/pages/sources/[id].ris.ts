/** RIS export of one source, generated at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslOf, cslRegister } from '../../citing/csl.ts';
import { toRis } from '../../citing/exports/ris.ts';

export const getStaticPaths = (() =>
  [...cslRegister(getCorpus()).keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(toRis([cslOf(getCorpus(), params.id!)]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
