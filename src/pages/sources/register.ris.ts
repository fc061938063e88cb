/** The whole source register as RIS. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/site-data.ts';
import { cslRegister } from '../../lib/csl.ts';
import { toRis } from '../../lib/exports/ris.ts';

export const GET: APIRoute = () =>
  new Response(toRis([...cslRegister(getCorpus()).values()]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
