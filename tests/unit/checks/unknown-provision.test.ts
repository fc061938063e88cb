import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, insertAfter, ofRule } from '../support/corpus-fixture.ts';

/** Article 9 of the Regulation, which corresponds to qd-9. */
const QR9 = `instrument: qr
article: "9"
title: Acts of persecution
summary: What acts amount to persecution.
correspondsTo: qd-9
source: eu-qd
`;

describe('unknown-provision', () => {
  it("a provision part (qd-9-2-e) resolves through the article's parts", () => {
    // deserters cites [qd-9-1, qd-9-2-e]; content/law holds only qd-9.yaml with parts "1" and "2-e"
    expect(ofRule(checkFixture(), 'unknown-provision')).toEqual([]);
  });

  it('the article itself (qd-9) is a valid provision', () => {
    expect(
      ofRule(
        checkFixture({ [FILES.deserters]: edit('provisions: [qd-9-1, qd-9-2-e]', 'provisions: [qd-9]') }),
        'unknown-provision',
      ),
    ).toEqual([]);
  });

  it('an unknown part of a known article fails at that entry and suggests the nearest part', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('provisions: [qd-9-1, qd-9-2-e]', 'provisions: [qd-9-1, qd-9-2-f]'),
    });
    expect(ofRule(problems, 'unknown-provision')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 8,
        column: 26,
        severity: 'error',
        rule: 'unknown-provision',
        message: 'unknown provision "qd-9-2-f"',
        hint: 'did you mean "qd-9-2-e" or "qd-9" or "qd-9-1"?', // nearest first
      },
    ]);
  });

  it('an article that content/law/ does not hold fails', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('provisions: [qd-9-1, qd-9-2-e]', 'provisions: [qd-9-1, qd-12-2-a]'),
    });
    expect(ofRule(problems, 'unknown-provision')).toEqual([
      expect.objectContaining({ line: 8, column: 26, message: 'unknown provision "qd-12-2-a"' }),
    ]);
  });

  it('correspondsTo naming a provision that does not exist fails at the correspondsTo value', () => {
    const problems = checkFixture({ [FILES.qd9]: insertAfter(8, 'correspondsTo: qr-9') });
    expect(ofRule(problems, 'unknown-provision')).toEqual([
      expect.objectContaining({
        file: 'law/qd-9.yaml',
        line: 9,
        column: 16,
        message: 'correspondsTo names an unknown provision "qr-9"',
      }),
    ]);
  });

  it('correspondsTo naming an existing provision passes', () => {
    const problems = checkFixture({ [FILES.qd9]: insertAfter(8, 'correspondsTo: qr-9'), 'law/qr-9.yaml': QR9 });
    expect(problems).toEqual([]);
  });
});
