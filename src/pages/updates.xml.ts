/** The updates feed (RSS 2.0 via @astrojs/rss), one item per edition, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus } from '../lib/site-data.ts';
import { updates } from '../lib/updates.ts';
import { editionUrl } from '../lib/urls.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: 'Country Guidance: updates',
    description: 'New editions of structured country guidance for refugee protection.',
    site: context.site!,
    items: updates(getCorpus()).map((u) => ({
      title: u.title,
      link: editionUrl(u.country, u.editionId),
      pubDate: new Date(`${u.published}T00:00:00Z`),
      description: [u.summary, ...u.changes].join('\n'),
    })),
  });
