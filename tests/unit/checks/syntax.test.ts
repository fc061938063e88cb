import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, loadFixture, ofRule, setLine, VALID } from '../support/corpus-fixture.ts';

describe('syntax', () => {
  it('a YAML syntax error in a source file is an error with a position, never a pass', () => {
    const corpus = loadFixture({
      [FILES.news]: edit('title: Testland ends conscription', 'title: "Testland ends conscription'),
    });
    expect(ofRule(corpus.problems, 'syntax')).toEqual([
      expect.objectContaining({
        file: 'sources/news-2024.yaml',
        line: 2,
        column: 35,
        severity: 'error',
        message: expect.stringMatching(/^YAML cannot be read: /),
      }),
    ]);
    expect(corpus.sources.get('news-2024')?.data).toBeNull();
  });

  it('a YAML syntax error in frontmatter is an error with a position in the whole file', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('related: [evaders]', 'related: [evaders') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        file: FILES.deserters,
        line: 23,
        column: 1,
        severity: 'error',
        message: expect.stringMatching(/^YAML cannot be read: /),
      }),
    ]);
  });

  it('a key given twice in YAML is an error', () => {
    const problems = checkFixture({ [FILES.news]: (t) => `${t}title: Again\n` });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({ file: 'sources/news-2024.yaml', line: 8, severity: 'error' }),
    ]);
  });

  it('a finding that is never closed fails at its opening tag', () => {
    const problems = checkFixture({ [FILES.deserters]: setLine(30, '') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 28,
        column: 1,
        message: expect.stringContaining('MDX: Expected a closing tag for `<Finding>`'),
        hint: 'end each <Finding> with </Finding> on a line of its own; findings cannot nest',
      }),
    ]);
  });

  it('a closing </Finding> with no open finding fails', () => {
    const problems = checkFixture({ [FILES.deserters]: (t) => `${t}</Finding>\n` });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 35,
        column: 1,
        message: expect.stringContaining('MDX: Unexpected closing tag `</Finding>`'),
      }),
    ]);
  });

  it('a finding inside a finding fails where the compiler loses the outer finding', () => {
    // The inner finding takes the outer one's </Finding>, so MDX reports the outer tag as never closed.
    const problems = checkFixture({
      [FILES.deserters]: edit(
        'Desertion is punished',
        '<Finding id="inner" asOf="2022-10" title="Inner">\nDesertion is punished',
      ),
    });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 28,
        column: 1,
        hint: 'end each <Finding> with </Finding> on a line of its own; findings cannot nest',
      }),
    ]);
  });

  it('a finding nested and closed inside another finding fails at the inner tag', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit(
        'Desertion is punished',
        '<Finding id="inner" asOf="2022-10" title="Inner">\nText.\n</Finding>\n\nDesertion is punished',
      ),
    });
    expect(ofRule(problems, 'syntax')).toContainEqual(
      expect.objectContaining({
        line: 29,
        column: 1,
        message: '<Finding> inside finding "penalties": findings cannot nest',
      }),
    );
  });

  it('a citation that is not closed fails at its opening bracket', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('pp. 12-13].', 'pp. 12-13.') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 29,
        column: 41,
        message: 'citation is not closed',
        hint: expect.stringContaining('end the citation with ], e.g. [@source-id, p. 8]'),
      }),
    ]);
  });

  it('a citation item without @ fails', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('[@eu-qd, art. 9]', '[@eu-qd, art. 9; eu-qd, art. 10]') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 34,
        column: 32,
        message: '"eu-qd, art. 10" is not a citation item; each item starts with @source-id',
      }),
    ]);
  });

  it('an HTML comment fails', () => {
    const problems = checkFixture({ [FILES.deserters]: setLine(32, 'Text <!-- note to self --> more') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 32,
        column: 6,
        message: expect.stringContaining('to create a comment in MDX'),
        hint: 'remove the comment; keep editorial notes in the pull request or an issue',
      }),
    ]);
  });

  it('an autolink in angle brackets fails', () => {
    const problems = checkFixture({ [FILES.deserters]: setLine(32, 'See <https://example.org>.') });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({
        line: 32,
        column: 5,
        hint: expect.stringContaining('write a link as [text](https://…)'),
      }),
    ]);
  });

  it('a finding without asOf fails at the tag', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('<Finding id="penalties" asOf="2022-10"', '<Finding id="penalties"'),
    });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({ line: 28, column: 1, message: '<Finding> needs asOf, the date the fact describes' }),
    ]);
  });

  it('a finding id that is not kebab-case fails at the id value', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit('id="end-of-conscription"', 'id="End_of_conscription"'),
    });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({ line: 12, column: 14, message: 'finding id "End_of_conscription" is not kebab-case' }),
    ]);
  });

  it('an unknown attribute on a finding fails at its value', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit('title="Conscription ended">', 'source="news" title="Conscription ended">'),
    });
    expect(ofRule(problems, 'syntax')).toEqual([
      expect.objectContaining({ line: 12, column: 58, message: '<Finding> has no attribute "source"' }),
    ]);
  });

  it('an unclosed code fence turns the rest of the file into code, as the compiler reads it', () => {
    // CommonMark lets a fence run to the end of the file: the citation after it is no longer a citation.
    const corpus = loadFixture({ [FILES.deserters]: setLine(32, '```') });
    const deserters = corpus.profiles.find((p) => p.file === FILES.deserters)!;
    expect(deserters.scan.citations.flatMap((c) => c.items.map((i) => i.key))).not.toContain('eu-qd');
    expect(ofRule(corpus.problems, 'syntax')).toEqual([]);
  });

  it('a profile without frontmatter fails at 1:1', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: '<Finding id="x" asOf="2024-03" title="X">\nText [@news-2024].\n</Finding>\n',
    });
    expect(ofRule(problems, 'syntax')).toEqual([
      {
        file: FILES.evaders2024,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'syntax',
        message: 'the file has no frontmatter',
        hint: 'start the file with a --- fenced YAML block holding title, scope and conclusions',
      },
    ]);
  });

  it('a profile saved as .md is rejected, not passed over', () => {
    const text = readFileSync(join(VALID, FILES.evaders2024), 'utf8');
    const problems = checkFixture({ 'profiles/testland/2024-06/deserters.md': text });
    expect(ofRule(problems, 'unknown-file')).toEqual([
      {
        file: 'profiles/testland/2024-06/deserters.md',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unknown-file',
        message:
          'a profile must live at content/profiles/<country>/<yyyy-mm>/<profile-id>.mdx, not testland/2024-06/deserters.md',
        hint: 'rename it to .mdx: plain .md errors can pass the build silently (withastro/astro#18054)',
      },
    ]);
  });

  it('a profile outside the <country>/<yyyy-mm>/ layout is rejected', () => {
    const text = readFileSync(join(VALID, FILES.evaders2024), 'utf8');
    const problems = checkFixture({ 'profiles/testland/evaders.mdx': text });
    expect(ofRule(problems, 'unknown-file')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/evaders.mdx',
        hint: 'move the file; the edition and profile ids come from the path',
      }),
    ]);
  });

  it('a file that is not YAML in a YAML folder is rejected', () => {
    const problems = checkFixture({ 'sources/notes.txt': 'not a source' });
    expect(ofRule(problems, 'unknown-file')).toEqual([
      expect.objectContaining({
        file: 'sources/notes.txt',
        line: 1,
        column: 1,
        message: 'only .yaml files belong in content/sources/',
      }),
    ]);
  });

  it('well-formed files pass', () => {
    expect(ofRule(checkFixture(), 'syntax')).toEqual([]);
  });
});
