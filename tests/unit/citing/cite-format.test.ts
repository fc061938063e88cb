import { describe, expect, it } from 'vitest';
import { shortCitation } from '../../../src/citing/cite-format.ts';

describe('shortCitation', () => {
  it('adds the short date after a title without the year, then the pinpoint', () => {
    expect(shortCitation({ shortTitle: 'SNHR', issued: '2023-10-10' }, 'sec. VI, p. 8')).toBe(
      'SNHR, Oct 2023, sec. VI, p. 8',
    );
  });

  it('leaves the date out when the short title already has the year', () => {
    expect(shortCitation({ shortTitle: 'Military report 2022', issued: '2022-11-15' }, 'p. 15')).toBe(
      'Military report 2022, p. 15',
    );
  });

  it('has no trailing comma for a whole-source citation', () => {
    expect(shortCitation({ shortTitle: 'Testland Times', issued: '2024-03-02' }, '')).toBe('Testland Times, Mar 2024');
  });

  it('writes a year-only date as the year', () => {
    expect(shortCitation({ shortTitle: 'WRI', issued: '2011' }, 'p. 3')).toBe('WRI, 2011, p. 3');
  });
});
