import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent } from '../../src/checks/index.ts';
import { previousEdition, profileIn } from '../../src/site/site-data.ts';

const { corpus } = checkContent(resolve('content'));
const withData = corpus.profiles.filter((p) => p.data);

describe('each profile says what changed for it since the previous edition', () => {
  it('every profile carried over from the previous edition lists its own changes', () => {
    const carried = withData.filter((p) => profileIn(corpus, previousEdition(corpus, p.edition)?.id, p.profile));
    expect(carried.length).toBeGreaterThan(10);
    expect(carried.filter((p) => p.data!.changes.length === 0).map((p) => p.id)).toEqual([]);
  });

  it('a profile in its first edition claims no changes', () => {
    const first = withData.filter((p) => !profileIn(corpus, previousEdition(corpus, p.edition)?.id, p.profile));
    expect(first.length, 'some profiles are in their first edition').toBeGreaterThan(0);
    expect(first.filter((p) => p.data!.changes.length > 0).map((p) => p.id)).toEqual([]);
  });

  it('records the June 2025 deserters risk as revised, and the April 2024 draft-evader risk as no longer known', () => {
    const deserters = profileIn(corpus, 'syria-2025-06', 'deserters')!.data!.changes;
    expect(deserters).toContainEqual(expect.objectContaining({ kind: 'revised', what: expect.stringMatching(/^Level of risk now in general not substantiated, our inference/) }));
    const evaders = profileIn(corpus, 'syria-2024-04', 'draft-evaders')!.data!.changes;
    expect(evaders).toContainEqual(expect.objectContaining({ kind: 'removed', what: expect.stringContaining('all four are not known') }));
  });
});
