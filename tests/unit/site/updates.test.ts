import { describe, expect, it } from 'vitest';
import { profileFeedItems } from '../../../src/site/feed.ts';
import { profileUpdates } from '../../../src/site/updates.ts';
import { edit, FILES, loadFixture } from '../support/corpus-fixture.ts';

describe('updates per profile', () => {
  it('lists a profile that changed since its previous version, with the comparison that shows it', () => {
    const corpus = loadFixture({
      [FILES.evaders2024]: edit(
        'lastUpdate: "2024-06"',
        'lastUpdate: "2024-06"\nchanges:\n  - { kind: revised, what: "Conscription ended, so the risk fell." }',
      ),
    });
    expect(profileUpdates(corpus)).toEqual([
      expect.objectContaining({
        profile: 'evaders',
        editionId: 'testland-2024-06',
        compareHref: '/testland/evaders/compare/2023-01..2024-06/',
        changes: [{ kind: 'revised', what: 'Conscription ended, so the risk fell.' }],
      }),
    ]);
  });

  it('gives each profile change its own feed item, linking to the comparison, with text escaped for readers', () => {
    const corpus = loadFixture({
      [FILES.evaders2024]: edit(
        'lastUpdate: "2024-06"',
        'lastUpdate: "2024-06"\nchanges:\n  - { kind: revised, what: "<img src=x onerror=alert(1)>" }',
      ),
    });
    const [item] = profileFeedItems(profileUpdates(corpus));
    expect(item.link).toBe('/testland/evaders/compare/2023-01..2024-06/');
    expect(item.description).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(item.description).not.toContain('<img');
  });
});
