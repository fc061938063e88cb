/** Open data: one edition and its profiles. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../../lib/site-data.ts';
import { editionData } from '../../../../lib/open-data/build.ts';
import { editionMonth } from '../../../../shared/urls.ts';

export const getStaticPaths = (() =>
  [...getCorpus().editions]
    .filter(([, e]) => e.data)
    .map(([id, e]) => ({
      params: { country: e.data!.country, month: editionMonth(id) },
      props: { id },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(editionData(getCorpus(), props.id as string));
