/** The whole source register as CSL-JSON. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/site-data.ts';
import { cslRegister } from '../../lib/csl.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify([...cslRegister(getCorpus()).values()], null, 2), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
