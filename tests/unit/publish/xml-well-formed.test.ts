import { describe, expect, it } from 'vitest';
import { scanFile } from '../../../src/publish/dist-scan.ts';
import { htmlText } from '../../../src/site/feed.ts';
import { xmlProblem } from '../../../src/publish/xml-well-formed.ts';

const feed = (item: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n<title>${item}</title>\n</channel></rss>\n`;

describe('xml well-formedness in the publish scan', () => {
  it('fails a feed holding a form feed, a character reference to one, or a tag left open, at its place', () => {
    expect(scanFile('updates.xml', feed('a\fb'))).toEqual([
      expect.objectContaining({
        rule: 'ill-formed-xml',
        line: 3,
        column: 9,
        message: 'U+000C is not allowed in XML 1.0',
      }),
    ]);
    expect(xmlProblem(feed('a&#12;b'))).toEqual(
      expect.objectContaining({ line: 3, message: '&#12; is not allowed in XML 1.0' }),
    );
    expect(scanFile('updates.xml', feed('<b>open'))[0].rule).toBe('ill-formed-xml');
  });

  it('passes a well-formed feed, tabs and non-ASCII text included', () => {
    expect(scanFile('updates.xml', feed('Syrie\tدمشق &amp; more'))).toEqual([]);
  });
});

describe('the feed writer on its own', () => {
  it('drops characters XML 1.0 does not allow, whatever content gives it', () => {
    expect(htmlText('a\fb\u0000c\uFFFEd <e>')).toBe('abcd &#60;e&#62;');
    expect(xmlProblem(feed(htmlText('change\fline')))).toBeNull();
  });
});
