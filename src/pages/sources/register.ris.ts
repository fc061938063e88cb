/** The whole source register as RIS. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslRegister } from '../../citing/csl.ts';
import { toRis } from '../../citing/exports/ris.ts';

export const GET: APIRoute = () =>
  new Response(toRis([...cslRegister(getCorpus()).values()]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
