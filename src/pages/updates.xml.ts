/** The updates feed (RSS 2.0 via @astrojs/rss), one item per edition, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../lib/feed.ts';
import { getCorpus } from '../lib/site-data.ts';
import { updates } from '../lib/updates.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: 'Country Guidance: updates',
    description: 'New editions of structured country guidance for refugee protection.',
    site: context.site!,
    items: feedItems(updates(getCorpus())),
  });
