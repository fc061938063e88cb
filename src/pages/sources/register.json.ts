/** The whole source register as CSL-JSON. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslRegister } from '../../citing/csl.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify([...cslRegister(getCorpus()).values()], null, 2), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
