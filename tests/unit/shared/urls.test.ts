import { describe, expect, it } from 'vitest';
import { officialArticleUrl } from '../../../src/shared/urls.ts';

describe('links to the official text of an article', () => {
  it('points a Regulation article at its own anchor on EUR-Lex', () => {
    expect(officialArticleUrl('qr', '9')).toBe(
      'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L_202401347#art_9',
    );
  });

  it('opens the whole Directive, whose EUR-Lex page has no article anchors', () => {
    expect(officialArticleUrl('qd', '9')).toMatch(/CELEX:32011L0095$/);
  });
});
