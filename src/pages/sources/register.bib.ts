/** The whole source register as biblatex. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/site-data.ts';
import { cslRegister } from '../../lib/csl.ts';
import { toBiblatex } from '../../lib/exports/biblatex.ts';

export const GET: APIRoute = () =>
  new Response(toBiblatex([...cslRegister(getCorpus()).values()]), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
