import { describe, expect, it } from 'vitest';
import { reliancesOn } from '../../../src/site/site-data.ts';
import { loadFixture } from '../support/corpus-fixture.ts';

describe('what relies on a source', () => {
  it('counts a citation outside any finding (in the reasoning) as a use of the source', () => {
    // deserters.mdx cites the Directive only in its reasoning: "The law is in [@eu-qd, art. 9]."
    const uses = reliancesOn(loadFixture(), 'eu-qd');
    expect(uses).toEqual([expect.objectContaining({ locators: ['art. 9'], conclusions: [] })]);
    expect(uses[0].profile.profile).toBe('deserters');
    expect(uses[0].finding).toBeUndefined();
  });

  it('names the finding, its title and the conclusions resting on it for a citation inside a finding', () => {
    const [use] = reliancesOn(loadFixture(), 'report-2022').filter((r) => r.profile.profile === 'deserters');
    expect(use.finding).toMatchObject({ id: 'penalties' });
    expect(use.conclusions.map((k) => k.key)).toEqual(expect.arrayContaining(['persecution', 'risk']));
  });
});
