/** The updates feed (RSS 2.0 via @astrojs/rss): one item per edition and one per profile it changed, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems, profileFeedItems } from '../site/feed.ts';
import { getCorpus } from '../site/site-data.ts';
import { profileUpdates, updates } from '../site/updates.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: 'Country Guidance: updates',
    description: 'New editions of structured country guidance for refugee protection.',
    site: context.site!,
    items: [...feedItems(updates(getCorpus())), ...profileFeedItems(profileUpdates(getCorpus()))].sort(
      (a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0),
    ),
  });
