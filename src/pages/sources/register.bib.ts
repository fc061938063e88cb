/** The whole source register as biblatex. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../site/site-data.ts';
import { cslRegister } from '../../citing/csl.ts';
import { toBiblatex } from '../../citing/exports/biblatex.ts';

export const GET: APIRoute = () =>
  new Response(toBiblatex([...cslRegister(getCorpus()).values()]), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
