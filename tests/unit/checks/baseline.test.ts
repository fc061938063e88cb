import { describe, expect, it } from 'vitest';
import { checkFixture } from '../support/corpus-fixture.ts';

describe('the valid fixture', () => {
  it('passes every check with no errors and no warnings', () => {
    expect(checkFixture()).toEqual([]);
  });
});
