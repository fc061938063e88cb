/** Open data: one profile as it stood in one edition: conclusions with provenance, findings with citations. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../../../lib/site-data.ts';
import { profileData } from '../../../../../lib/open-data/build.ts';
import type { ProfileEntry } from '../../../../../lib/corpus.ts';

export const getStaticPaths = (() =>
  getCorpus()
    .profiles.filter((p) => p.data)
    .map((p) => ({
      params: { country: p.country, month: p.month, profile: p.profile },
      props: { p },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(profileData(getCorpus(), props.p as ProfileEntry));
