import { expect, it } from 'vitest';
import { sitePublisher } from '../../../src/site/site-publisher.ts';

it('reads the responsible organisation from CG_PUBLISHER, or none', () => {
  expect(sitePublisher({ CG_PUBLISHER: '  Refugee Law Centre ' })).toBe('Refugee Law Centre');
  expect(sitePublisher({})).toBeUndefined();
  expect(sitePublisher({ CG_PUBLISHER: ' ' })).toBeUndefined();
});

it('refuses a name that would break the citation', () => {
  for (const bad of ['A\nB', 'A\u2028B', 'A <b>', 'x'.repeat(201)])
    expect(() => sitePublisher({ CG_PUBLISHER: bad }), JSON.stringify(bad)).toThrow(/CG_PUBLISHER/);
});
