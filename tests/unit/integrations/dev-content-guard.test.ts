/**
 * The dev server's content gate, driven by a scripted checker: whatever the checker does (pass, find errors, throw),
 * a recheck never throws, and pages are refused exactly while the last check did not pass.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createContentGate,
  servesContent,
  type GateDeps,
  type GateUpdate,
} from '../../../src/integrations/dev-content-guard.ts';
import type { Corpus } from '../../../src/corpus/corpus.ts';
import type { Problem } from '../../../src/corpus/problem.ts';

const CONTENT = resolve('content');
const corpus = { contentDir: CONTENT } as unknown as Corpus;

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: 'content/profiles/syria/2024-04/deserters.mdx',
  line: 29,
  column: 42,
  severity: 'error',
  rule: 'unknown-source',
  message: 'citation names an unknown source "@x"',
  hint: 'register it',
  ...over,
});
const orphan = problem({
  file: 'content/sources/s.yaml',
  line: 1,
  column: 1,
  severity: 'warning',
  rule: 'orphan-source',
});

type Step = Problem[] | Error;

/** A gate whose checker plays `steps` in turn (problems found, or an exception), recording what it says. */
function scriptedGate(steps: Step[], overrides: Partial<GateDeps> = {}) {
  const said = { info: [] as string[], warn: [] as string[], error: [] as string[] };
  const updates: GateUpdate[] = [];
  const published: (Corpus | undefined)[] = [];
  const gate = createContentGate({
    contentDir: CONTENT,
    check: () => {
      const step = steps.shift();
      if (!step) throw new Error('the test ran out of steps');
      if (step instanceof Error) throw step;
      return { corpus, problems: step };
    },
    publish: (c) => {
      published.push(c);
    },
    log: { info: (m) => said.info.push(m), warn: (m) => said.warn.push(m), error: (m) => said.error.push(m) },
    notify: (u) => {
      updates.push(u);
    },
    ...overrides,
  });
  return { gate, said, updates, published };
}

describe('the dev server content gate', () => {
  it('refuses every page before the first check has run', () => {
    const { gate } = scriptedGate([]);
    expect(gate.blocks('/')).toBe(true);
  });

  it('serves pages when content passes, and hands the checked corpus to the pages', () => {
    const { gate, updates, published } = scriptedGate([[]]);
    gate.recheck();
    expect(gate.blocks('/')).toBe(false);
    expect(gate.errors).toEqual([]);
    expect(updates).toEqual([]);
    expect(published).toEqual([corpus]);
  });

  it('turns a checker that throws into a check-failed error in the overlay, and refuses pages', () => {
    const { gate, updates, said, published } = scriptedGate([new Error('Cannot read properties of undefined')]);
    expect(() => gate.recheck()).not.toThrow();
    expect(gate.errors).toEqual([
      expect.objectContaining({
        rule: 'check-failed',
        severity: 'error',
        file: 'content',
        line: 1,
        column: 1,
        message: 'the content check could not run: Cannot read properties of undefined',
      }),
    ]);
    expect(gate.blocks('/syria/')).toBe(true);
    const report = expect.stringContaining('content:1:1  error  check-failed');
    expect(updates).toEqual([expect.objectContaining({ type: 'error', report })]);
    expect(said.error.join('\n')).toContain('check-failed');
    // The pages must not keep a corpus from before the change: they reload it, and are refused meanwhile.
    expect(published).toEqual([undefined]);
  });

  it('keeps checking after a checker threw: the next passing edit serves pages again and reloads the browser', () => {
    const { gate, updates, said } = scriptedGate([[], new Error('boom'), new Error('boom again'), []]);
    gate.recheck();
    gate.recheck();
    gate.recheck();
    expect(gate.blocks('/')).toBe(true);
    gate.recheck();
    expect(gate.blocks('/')).toBe(false);
    expect(updates.map((u) => u.type)).toEqual(['error', 'error', 'reload']);
    expect(said.info).toEqual(['content checks pass again']);
  });

  it('refuses pages while content has errors, lists errors before warnings, and lets them through once fixed', () => {
    const { gate, said, updates } = scriptedGate([[orphan, problem()], [orphan]]);
    gate.recheck();
    expect(gate.blocks('/')).toBe(true);
    expect(gate.errors).toEqual([problem()]);
    const log = said.error[0].split('\n');
    expect(log[0]).toMatch(/deserters\.mdx:29:42 {2}error {2}unknown-source/);
    expect(log).toContain('1 warning orphan-source: sources no finding cites; run npm run check for the list');
    expect(updates[0]).toEqual(expect.objectContaining({ type: 'error', errors: [problem()] }));
    gate.recheck();
    expect(gate.blocks('/')).toBe(false);
  });

  it('serves pages with warnings only, summarising them once rather than on every save', () => {
    const { gate, said } = scriptedGate([[orphan], [orphan], [orphan, orphan]]);
    gate.recheck();
    gate.recheck();
    expect(gate.blocks('/')).toBe(false);
    expect(said.warn).toEqual(['1 warning orphan-source: sources no finding cites; run npm run check for the list']);
    gate.recheck();
    expect(said.warn.at(-1)).toBe('2 warnings orphan-source: sources no finding cites; run npm run check for the list');
  });

  it('never throws when logging, notifying the browser or publishing the corpus throws; still refuses pages', () => {
    const boom = () => {
      throw new Error('channel closed');
    };
    const { gate } = scriptedGate([[problem()], []], {
      log: { info: boom, warn: boom, error: boom },
      notify: boom,
    });
    expect(() => gate.recheck()).not.toThrow();
    expect(gate.blocks('/')).toBe(true);
    expect(() => gate.recheck()).not.toThrow();
    expect(gate.blocks('/')).toBe(false);

    const failingPublish = scriptedGate([[]], { publish: boom }).gate;
    expect(() => failingPublish.recheck()).not.toThrow();
    expect(failingPublish.errors).toEqual([
      expect.objectContaining({
        rule: 'check-failed',
        message: 'handing the checked content to the pages could not run: channel closed',
      }),
    ]);
    expect(failingPublish.blocks('/')).toBe(true);
  });
});

describe('servesContent', () => {
  it.each([
    '/',
    '/syria/',
    '/syria/2025-06/military-service/',
    '/sources/report-2022.json',
    '/sources/x.bib',
    '/updates.xml',
    '/search/?q=x',
  ])('%s may be rendered from content, so it is refused while content is broken', (url) =>
    expect(servesContent(url)).toBe(true),
  );

  it.each(['/@vite/client', '/@id/astro:scripts/page.js', '/@fs/work/x.js', '/node_modules/.vite/deps/x.js'])(
    "%s is one of Vite's own modules, which the error overlay needs",
    (url) => expect(servesContent(url)).toBe(false),
  );
});
