import { describe, expect, it } from 'vitest';
import { rewriteCitations } from '../../../src/integrations/vite-citations.ts';

const FM = '---\ntitle: T\n---\n';

describe('rewriteCitations', () => {
  it('turns a citation cluster into <Cite items={[...]} /> in place, on the same line', () => {
    const out = rewriteCitations(`${FM}Text [@a, p. 8; @b] end.\nNext line.\n`);
    expect(out).toBe(`${FM}Text <Cite items={[{"key":"a","locator":"p. 8"},{"key":"b","locator":""}]} /> end.\nNext line.\n`);
  });

  it('rewrites every cluster of the file, inside and outside findings', () => {
    const out = rewriteCitations(`${FM}<Finding id="x" asOf="2024-01">\nA [@a, p. 1].\n</Finding>\n\nB [@b, para. 2].\n`);
    expect(out.match(/<Cite items=/g)).toHaveLength(2);
    expect(out).toContain('<Finding id="x" asOf="2024-01">\nA <Cite items={[{"key":"a","locator":"p. 1"}]} />.\n</Finding>');
  });

  it('leaves inline code and code fences alone', () => {
    const text = `${FM}Write \`[@a, p. 8]\` for a citation.\n\n\`\`\`\n[@b, p. 1]\n\`\`\`\n`;
    expect(rewriteCitations(text)).toBe(text);
  });

  it('leaves the frontmatter alone', () => {
    const text = '---\ntitle: "About [@a]"\n---\nBody.\n';
    expect(rewriteCitations(text)).toBe(text);
  });

  it('leaves a text without citations unchanged', () => {
    const text = `${FM}No citations here.\n`;
    expect(rewriteCitations(text)).toBe(text);
  });

  it('escapes quotes in a locator so the expression stays valid', () => {
    const out = rewriteCitations(`${FM}X [@a, sec. "guidance"].\n`);
    const expression = /<Cite items=\{(.*)\} \/>/.exec(out)![1];
    expect(JSON.parse(expression)).toEqual([{ key: 'a', locator: 'sec. "guidance"' }]);
  });

  // GAP (src/integrations/vite-citations.ts, rewriteCitations): a cluster that wraps onto the next line is replaced
  // by a one-line <Cite />, so every later line moves up and MDX's own error positions no longer match the file,
  // contrary to the module's stated purpose.
  it('keeps the line count when a citation wraps onto the next line', () => {
    const text = `${FM}A [@a, sec. 1;\n@b, p. 2] b.\nNext line.\n`;
    expect(rewriteCitations(text).split('\n')).toHaveLength(text.split('\n').length);
  });
});
