/**
 * Writes a synthetic content folder in the project's format (see src/schemas/content.ts): one country, three
 * chained editions, about 30 sources with structure, QD/QR provisions, and N profiles spread across the editions,
 * each with ~6 cited findings, conclusions with supportedBy (some naming other profiles' findings) and 400–800
 * words of body text. Everything is meant to pass the content checks.
 */
import { MONTHS } from '../../src/shared/dates.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { countWords, paragraph, seededRandom, sentence, type Random } from './random.ts';

const COUNTRY = 'benchland';

interface EditionPlan {
  id: string;
  month: string;
  published: string;
}

interface Section {
  id: string;
  title: string;
  pages?: [number, number];
}

interface Structure {
  pages?: number;
  sections?: Section[];
  paragraphs?: number;
  articles?: string[];
  footnotes?: number;
  points?: number;
}

interface SourcePlan {
  id: string;
  data: Record<string, unknown> & { type: string; issued: string; structure?: Structure };
  archiveText?: string;
  /** Cited in findings (COI) or only in reasoning (law, judgments). */
  role: 'coi' | 'legal';
}

interface ProfilePlan {
  edition: EditionPlan;
  slug: string;
  title: string;
  kind: 'profile' | 'overview';
  findingIds: string[];
  order: number;
}

export interface CorpusSummary {
  editions: number;
  sources: number;
  provisions: number;
  profiles: number;
  findings: number;
  clusters: number;
  citedItems: number;
  crossProfileRefs: number;
  meanWords: number;
}

const EDITIONS: EditionPlan[] = [
  { id: `${COUNTRY}-2023-04`, month: '2023-04', published: '2023-04-20' },
  { id: `${COUNTRY}-2024-04`, month: '2024-04', published: '2024-04-25' },
  { id: `${COUNTRY}-2025-06`, month: '2025-06', published: '2025-06-10' },
];

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const yaml = (value: unknown) =>
  stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });

const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** "2024-04" minus `count` months, as YYYY-MM. */
function monthsBefore(month: string, count: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Contiguous sections over `pages` pages, labelled the way the source prints them. */
function sections(r: Random, pages: number, labels: string[]): Section[] {
  const cuts = r
    .sample(
      [...Array(pages - 2).keys()].map((i) => i + 2),
      labels.length - 1,
    )
    .sort((a, b) => a - b);
  const starts = [1, ...cuts];
  return labels.map((id, i) => ({
    id,
    title: sentence(r).split(' ').slice(0, 5).join(' '),
    pages: [starts[i], i + 1 < starts.length ? starts[i + 1] : pages] as [number, number],
  }));
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
const DOTTED = ['1', '2', '3.1', '3.2', '4.1', '4.2.1', '4.2.2', '4.2.3', '5'];

function archiveText(r: Random): string {
  return Array.from({ length: r.int(25, 45) }, () => paragraph(r, 120)).join('\n\n');
}

/** About 30 sources: official texts, legislation, judgments, reports, news, web pages and query responses. */
function planSources(r: Random): SourcePlan[] {
  const out: SourcePlan[] = [];
  const base = (id: string, type: string, issued: string, extra: Record<string, unknown>) => ({
    type,
    title: `${sentence(r).split(' ').slice(0, 8).join(' ')} (${id})`,
    shortTitle: id.replace(/-/g, ' ').toUpperCase(),
    author: [
      {
        literal: r.pick([
          'European Union Agency for Asylum',
          'Human Rights Monitor',
          'Institute for Conflict Studies',
          'Benchland Observatory',
          'UNHCR',
        ]),
      },
    ],
    issued,
    ...extra,
    description: `${sentence(r)}.`,
    access: r.pick(['read', 'read', 'partly-read', 'secondary']),
  });
  EDITIONS.forEach((e, i) => {
    const pages = 160 + 10 * i;
    out.push({
      id: `cg-${e.id}`,
      role: 'coi',
      archiveText: i === 0 ? archiveText(r) : undefined,
      data: base(`cg-${e.id}`, 'report', e.published, {
        URL: `https://example.org/guidance/${e.id}`,
        accessed: '2025-07-01',
        structure: { pages, sections: sections(r, pages, DOTTED) },
      }),
    });
  });
  out.push({
    id: 'eu-qd',
    role: 'legal',
    data: base('eu-qd', 'legislation', '2011-12-13', { structure: { articles: ['9', '10', '12', '15'] } }),
  });
  out.push({
    id: 'eu-qr',
    role: 'legal',
    data: base('eu-qr', 'legislation', '2024-05-14', { structure: { articles: ['9', '10', '12'] } }),
  });
  for (const [id, issued, paragraphs, points] of [
    ['cjeu-c-101-20', '2020-11-19', 62, 3],
    ['cjeu-c-202-21', '2022-01-27', 48, 2],
    ['court-ovg-2021', '2021-06-10', 120, 0],
  ] as const) {
    out.push({
      id,
      role: 'legal',
      data: base(id, 'legal_case', issued, {
        authority: 'Court of Justice of the European Union',
        number: id.toUpperCase(),
        structure: { paragraphs, ...(points ? { points } : {}) },
      }),
    });
  }
  const reportDates = [
    '2019-06',
    '2020-03-15',
    '2021-02-10',
    '2021-11-30',
    '2022-05-18',
    '2022-10-01',
    '2023-01-12',
    '2023-09-05',
    '2023-12-14',
    '2024-02-20',
    '2024-09-30',
    '2025-03-18',
  ];
  reportDates.forEach((issued, i) => {
    const id = `report-${issued.slice(0, 7)}`;
    const pages = r.int(20, 140);
    const labels = (i % 2 ? ROMAN : DOTTED).slice(0, r.int(4, 8));
    const structure: Structure = {
      pages,
      sections: sections(r, pages, labels),
      ...(i % 3 === 0 ? { footnotes: r.int(10, 90) } : {}),
    };
    out.push({
      id,
      role: 'coi',
      archiveText: i % 4 === 1 ? archiveText(r) : undefined,
      data: base(id, 'report', issued, { URL: `https://example.org/${id}`, accessed: '2025-07-01', structure }),
    });
  });
  for (const issued of ['2021-08-03', '2022-12-07', '2023-06-21', '2024-01-15', '2025-01-22']) {
    out.push({
      id: `news-${issued}`,
      role: 'coi',
      data: base(`news-${issued}`, 'article-newspaper', issued, { URL: `https://news.example.org/${issued}` }),
    });
  }
  out.push({
    id: 'web-ministry-2022',
    role: 'coi',
    data: base('web-ministry-2022', 'webpage', '2022-03', {
      URL: 'https://ministry.example.org/service',
      structure: {
        sections: [
          { id: 'guidance-note', title: 'Guidance note' },
          { id: 'exemptions', title: 'Exemptions' },
          { id: 'fees', title: 'Fees' },
        ],
      },
    }),
  });
  for (const issued of ['2023-11-02', '2024-12-05'])
    out.push({
      id: `web-${issued}`,
      role: 'coi',
      data: base(`web-${issued}`, 'webpage', issued, { URL: `https://web.example.org/${issued}` }),
    });
  out.push({
    id: 'query-2022-08',
    role: 'coi',
    data: base('query-2022-08', 'document', '2022-08-19', { structure: { pages: 12 } }),
  });
  out.push({
    id: 'query-2024-07',
    role: 'coi',
    data: base('query-2024-07', 'document', '2024-07-08', { structure: { pages: 9, paragraphs: 30 } }),
  });
  return out;
}

/** A pinpoint that fits the source's structure (sources without one are cited as a whole). */
function pinpoint(r: Random, st: Structure | undefined): string {
  if (!st) return '';
  if (st.articles) {
    const i = r.int(0, st.articles.length - 2);
    return r.chance(0.85) ? `art. ${st.articles[i]}` : `arts. ${st.articles[i]}-${st.articles[i + 1]}`;
  }
  if (st.sections) {
    const sec = r.pick(st.sections);
    if (!sec.pages || r.chance(0.35)) return `sec. ${sec.id}`;
    const [a, b] = sec.pages;
    if (b > a && r.chance(0.5)) {
      const from = r.int(a, b - 1);
      return `sec. ${sec.id}, pp. ${from}-${r.int(from + 1, Math.min(b, from + 3))}`;
    }
    return st.footnotes && r.chance(0.3)
      ? `sec. ${sec.id}, fn. ${r.int(1, st.footnotes)}`
      : `sec. ${sec.id}, p. ${r.int(a, b)}`;
  }
  if (st.paragraphs) {
    if (st.points && r.chance(0.2)) return `pt. ${r.int(1, st.points)}`;
    const n = r.int(1, st.paragraphs - 3);
    return r.chance(0.7) ? `para. ${n}` : `paras. ${n}-${n + r.int(1, 3)}`;
  }
  if (st.pages) {
    const p = r.int(1, st.pages - 1);
    return r.chance(0.6) ? `p. ${p}` : `pp. ${p}-${p + 1}`;
  }
  return '';
}

/** The first day a partial date can mean, as the source-after-cutoff check reads it. */
function earliest(issued: string): string {
  const [year, month = '01', day = '01'] = issued.split('-');
  return `${year}-${month}-${day}`;
}

function provisions(): Record<string, Record<string, unknown>> {
  const part = (id: string, label: string) => ({ id, label, summary: `What ${label} says, in plain words.` });
  const qd = (article: string, title: string, parts: [string, string][]) => ({
    instrument: 'qd',
    article,
    title,
    summary: `${title}: the test the guidance applies.`,
    parts: parts.map(([id, label]) => part(id, label)),
    correspondsTo: `qr-${article}`,
    source: 'eu-qd',
  });
  const qr = (article: string, title: string) => ({
    instrument: 'qr',
    article,
    title,
    summary: `${title} under the Regulation.`,
    correspondsTo: `qd-${article}`,
    changeNote: 'Wording aligned; no change of substance.',
    source: 'eu-qr',
  });
  return {
    'qd-9': qd('9', 'Acts of persecution', [
      ['1', 'Article 9(1)'],
      ['1-a', 'Article 9(1)(a)'],
      ['2-a', 'Article 9(2)(a)'],
      ['2-b', 'Article 9(2)(b)'],
      ['2-c', 'Article 9(2)(c)'],
      ['2-e', 'Article 9(2)(e)'],
      ['3', 'Article 9(3)'],
    ]),
    'qd-10': qd('10', 'Reasons for persecution', [
      ['1-b', 'Article 10(1)(b)'],
      ['1-d', 'Article 10(1)(d)'],
      ['1-e', 'Article 10(1)(e)'],
      ['2', 'Article 10(2)'],
    ]),
    'qd-12': qd('12', 'Exclusion', [
      ['2-a', 'Article 12(2)(a)'],
      ['2-b', 'Article 12(2)(b)'],
      ['2-c', 'Article 12(2)(c)'],
    ]),
    'qr-9': qr('9', 'Acts of persecution'),
    'qr-10': qr('10', 'Reasons for persecution'),
    'qr-12': qr('12', 'Exclusion'),
  };
}
const PERSECUTION_PROVISIONS = ['qd-9-1', 'qd-9-1-a', 'qd-9-2-a', 'qd-9-2-b', 'qd-9-2-c', 'qd-9-2-e', 'qd-9-3'];

const GROUPS = [
  'draft-evaders',
  'deserters',
  'defectors',
  'returnees',
  'reservists',
  'conscientious-objectors',
  'family-of-deserters',
  'students-abroad',
  'former-detainees',
  'activists',
  'journalists',
  'lawyers',
  'medical-staff',
  'civil-servants',
  'only-sons',
  'dual-nationals',
  'stateless-persons',
  'women-heads-of-household',
  'unaccompanied-children',
  'religious-minorities',
];
const FINDING_STEMS = [
  'call-up-practice',
  'desertion-penalties',
  'checkpoint-arrests',
  'exit-bans',
  'amnesty-scope',
  'detention-on-return',
  'family-pressure',
  'document-checks',
  'field-courts',
  'property-seizure',
  'reconciliation',
  'exemption-fees',
  'border-questioning',
  'phone-searches',
  'front-line-transfer',
  'reservist-calls',
  'age-limits',
  'wanted-lists',
  'extortion',
  'disappearances',
  'ill-treatment',
  'military-police-raids',
  'student-deferral',
  'medical-exemption',
];
const OVERVIEW = 'military-service-overview';

const titleOf = (slug: string) => {
  const m = /^(.*?)(?:-(\d+))?$/.exec(slug)!;
  const words = m[1].replace(/-/g, ' ');
  return `${words[0].toUpperCase()}${words.slice(1)}${m[2] ? ` (group ${m[2]})` : ''}`;
};

/** Profiles per edition; later editions drop ~6% of the previous edition's profiles and add new ones. */
function planProfiles(r: Random, n: number): ProfilePlan[] {
  const weights = [0.28, 0.33, 0.39];
  const counts = weights.map((w) => Math.max(2, Math.round(w * n)));
  counts[counts.length - 1] = Math.max(2, n - counts.slice(0, -1).reduce((a, b) => a + b, 0));
  const slug = (i: number) =>
    `${GROUPS[i % GROUPS.length]}${i >= GROUPS.length ? `-${Math.floor(i / GROUPS.length) + 1}` : ''}`;
  const plans: ProfilePlan[] = [];
  let start = 0;
  EDITIONS.forEach((edition, e) => {
    if (e > 0) start += Math.round(0.06 * counts[e - 1]);
    const findings = () => r.sample(FINDING_STEMS, r.int(5, 7));
    plans.push({
      edition,
      slug: OVERVIEW,
      title: 'Military service: overview',
      kind: 'overview',
      findingIds: findings(),
      order: 0,
    });
    for (let i = 0; i < counts[e] - 1; i++) {
      const s = slug(start + i);
      plans.push({ edition, slug: s, title: titleOf(s), kind: 'profile', findingIds: findings(), order: i + 1 });
    }
  });
  return plans;
}

interface Counters {
  clusters: number;
  items: number;
  crossRefs: number;
}

function cluster(r: Random, eligible: SourcePlan[], count: Counters): string {
  const items = r.sample(eligible, r.chance(0.3) ? 2 : 1).map((s) => {
    const loc = pinpoint(r, s.data.structure);
    return loc ? `@${s.id}, ${loc}` : `@${s.id}`;
  });
  count.clusters++;
  count.items += items.length;
  return `[${items.join('; ')}]`;
}

/** One or two cited sentences per cluster, 1–3 clusters: the body of a finding. */
function findingBody(r: Random, coi: SourcePlan[], count: Counters): string {
  const clusters = r.pick([1, 1, 2, 2, 3]);
  const out: string[] = [];
  for (let i = 0; i < clusters; i++) {
    const lead = Array.from({ length: r.int(1, 2) }, () => `${sentence(r)}.`).join(' ');
    out.push(`${lead.slice(0, -1)} ${cluster(r, coi, count)}.`);
  }
  if (r.chance(0.4)) out.push(`${sentence(r)}.`);
  return out.join(' ');
}

function notKnown(r: Random) {
  return {
    status: 'not-known',
    why: `${sentence(r)}.`,
    wouldSettle: `Section ${r.pick(DOTTED)} of the official guidance.`,
  };
}

function conclusions(r: Random, plan: ProfilePlan, siblings: ProfilePlan[], count: Counters): Record<string, unknown> {
  // The first finding cites the edition's own guidance, which an official conclusion must rest on.
  const refs = () => {
    const own = [...new Set([plan.findingIds[0], ...r.sample(plan.findingIds, r.int(1, 3))])];
    if (siblings.length && r.chance(0.2)) {
      const other = r.pick(siblings);
      own.push(`${other.slug}#${r.pick(other.findingIds)}`);
      count.crossRefs++;
    }
    return own;
  };
  const knownFrom = () =>
    r.chance(0.08) ? { knownFrom: r.pick(['press-release', 'secondary']), basis: `${sentence(r)}.` } : {};
  return {
    persecution: r.chance(0.04)
      ? notKnown(r)
      : {
          answer: r.pick(['yes', 'no', 'depends']),
          provisions: r.sample(PERSECUTION_PROVISIONS, r.int(1, 3)),
          summary: `${sentence(r)}.`,
          supportedBy: refs(),
          ...knownFrom(),
        },
    risk: r.chance(0.06)
      ? notKnown(r)
      : {
          level: r.pick(['in-general', 'risk-factors', 'not-in-general', 'individual']),
          factors: Array.from({ length: r.int(0, 3) }, () => sentence(r).split(' ').slice(0, 6).join(' ')),
          summary: `${sentence(r)}.`,
          supportedBy: refs(),
          ...knownFrom(),
        },
    nexus: r.chance(0.08)
      ? notKnown(r)
      : {
          grounds: r
            .sample(['political-opinion', 'religion', 'particular-social-group', 'nationality'], r.int(0, 2))
            .map((ground) => ({
              ground,
              imputed: r.chance(0.5),
              likelihood: r.pick(['highly-likely', 'may', 'unlikely']),
            })),
          summary: `${sentence(r)}.`,
          supportedBy: refs(),
        },
    exclusion: r.chance(0.03)
      ? notKnown(r)
      : { consider: r.chance(0.3), summary: `${sentence(r)}.`, supportedBy: refs() },
  };
}

/** The MDX of one profile: frontmatter, then intro, findings and reasoning, ~400–800 words in all. */
function profileMdx(
  r: Random,
  plan: ProfilePlan,
  siblings: ProfilePlan[],
  coi: SourcePlan[],
  legal: SourcePlan[],
  count: Counters,
): string {
  const e = plan.edition;
  const frontmatter: Record<string, unknown> = {
    title: plan.title,
    ...(plan.kind === 'overview' ? { kind: 'overview' } : {}),
    scope: `${sentence(r)}.`,
    lastUpdate: e.month,
    officialSection: `section 4.${r.int(1, 9)}.${r.int(1, 9)}`,
    ...(plan.kind === 'profile' ? { conclusions: conclusions(r, plan, siblings, count) } : {}),
    related: r.sample(siblings, r.int(0, 2)).map((s) => s.slug),
    order: plan.order,
  };
  const target = r.int(420, 780);
  const intro = paragraph(r, r.int(40, 70));
  const guidance = coi.find((s) => s.id === `cg-${e.id}`)!;
  const findings = plan.findingIds.map((id, i) => {
    const asOf = monthsBefore(e.month, r.int(1, 18));
    const uncertain = r.chance(0.1) ? ' uncertain="Reported by one source only; not confirmed elsewhere."' : '';
    const official = i === 0 ? ` ${sentence(r)} ${cluster(r, [guidance], count)}.` : '';
    return `<Finding id="${id}" asOf="${asOf}" title="${id.replace(/-/g, ' ')}"${uncertain}>\n${findingBody(r, coi, count)}${official}\n</Finding>`;
  });
  const qd = legal.find((s) => s.id === 'eu-qd')!;
  const cases = legal.filter((s) => s.data.type === 'legal_case');
  const reasoning = [
    `${paragraph(r, 40).slice(0, -1)} ${cluster(r, [qd], count)}.`,
    `${sentence(r)} ${cluster(r, cases, count)}. **${sentence(r)}.** ${paragraph(r, 30)}`,
    Array.from({ length: r.int(2, 4) }, () => `- ${sentence(r)}.`).join('\n'),
  ];
  let body = [intro, '## Findings', ...findings, '## Reasoning', ...reasoning].join('\n\n');
  // Top up with reasoning prose (and a plain link) until the profile reaches its target length.
  while (countWords(body) < target)
    body += `\n\n${paragraph(r, r.int(40, 90))} See also [the public notice](https://example.org/notice/${r.int(1, 99)}).`;
  return `---\n${yaml(frontmatter)}---\n\n${body}\n`;
}

/** Writes the whole corpus under `dir` and says what it holds. */
export function writeCorpus(dir: string, n: number, seed = 1): CorpusSummary {
  const r = seededRandom(seed + n);
  write(
    join(dir, 'countries', `${COUNTRY}.yaml`),
    yaml({ name: 'Benchland', iso: 'BL', description: 'A fictional country for the build benchmark.' }),
  );

  const sources = planSources(r);
  for (const s of sources) {
    if (s.archiveText) {
      const path = `archive/${s.id}.txt`;
      write(join(dir, path), s.archiveText);
      s.data.archive = { path, sha256: createHash('sha256').update(s.archiveText).digest('hex') };
    }
    write(join(dir, 'sources', `${s.id}.yaml`), yaml(s.data));
  }
  const law = provisions();
  for (const [id, data] of Object.entries(law)) write(join(dir, 'law', `${id}.yaml`), yaml(data));

  EDITIONS.forEach((e, i) => {
    const next = EDITIONS[i + 1];
    write(
      join(dir, 'editions', `${e.id}.yaml`),
      yaml({
        country: COUNTRY,
        title: `Country Guidance: Benchland, ${monthLabel(e.month)}`,
        label: monthLabel(e.month),
        published: e.published,
        sourcesUpTo: e.published,
        ...(i === 0
          ? { coiPeriodNote: 'The reference period is not known.' }
          : { coiPeriod: { from: EDITIONS[i - 1].month, to: e.month } }),
        legalBasis: 'qd',
        basedOn: `cg-${e.id}`,
        summary: `${sentence(r)}.`,
        changes: i === 0 ? [] : [`${sentence(r)}.`, `${sentence(r)}.`],
        ...(next ? { supersededBy: next.id, supersededOn: next.published } : {}),
      }),
    );
  });

  const plans = planProfiles(r, n);
  const count: Counters = { clusters: 0, items: 0, crossRefs: 0 };
  let words = 0;
  for (const plan of plans) {
    const cutoff = plan.edition.published;
    const eligible = (s: SourcePlan) => earliest(s.data.issued) <= cutoff;
    const coi = sources.filter((s) => s.role === 'coi' && eligible(s));
    const legal = sources.filter((s) => s.role === 'legal' && eligible(s));
    const siblings = plans.filter((p) => p.edition === plan.edition && p !== plan);
    const mdx = profileMdx(r, plan, siblings, coi, legal, count);
    words += countWords(mdx.slice(mdx.indexOf('---', 3) + 3));
    write(join(dir, 'profiles', COUNTRY, plan.edition.month, `${plan.slug}.mdx`), mdx);
  }
  return {
    editions: EDITIONS.length,
    sources: sources.length,
    provisions: Object.keys(law).length,
    profiles: plans.length,
    findings: plans.reduce((a, p) => a + p.findingIds.length, 0),
    clusters: count.clusters,
    citedItems: count.items,
    crossProfileRefs: count.crossRefs,
    meanWords: Math.round(words / plans.length),
  };
}
