/** CSL-JSON export of one source (Zotero, citation managers), generated at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslOf, cslRegister } from '../../citing/csl.ts';

export const getStaticPaths = (() =>
  [...cslRegister(getCorpus()).keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify([cslOf(getCorpus(), params.id!)], null, 2), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
