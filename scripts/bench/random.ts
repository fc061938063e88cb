/** A seeded random source and a plain-prose generator, so that every benchmark run builds the same corpus. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, count);
    },
    chance: (p) => next() < p,
  };
}

// Words for country-of-origin prose. Nothing here may start an MDX line as `import`/`export`, or hold `{ < [ @ #`.
const SUBJECTS = [
  'Conscripts',
  'Reservists',
  'Returnees',
  'Local officials',
  'Security services',
  'Military police',
  'Checkpoint staff',
  'Human rights monitors',
  'Families of deserters',
  'Relatives abroad',
  'Young men',
  'Former detainees',
  'Courts',
  'Recruitment offices',
  'Armed groups',
  'Community leaders',
  'Civil society groups',
  'Border guards',
  'Employers',
];
const VERBS = [
  'reported',
  'described',
  'confirmed',
  'documented',
  'faced',
  'experienced',
  'were subject to',
  'noted',
  'recorded',
  'observed',
  'continued',
  'resumed',
  'tightened',
  'expanded',
  'relaxed',
  'enforced',
];
const OBJECTS = [
  'arbitrary arrest at checkpoints',
  'call-up notices delivered to family homes',
  'prolonged pre-trial detention',
  'travel bans on men of military age',
  'confiscation of identity documents',
  'fines in lieu of service',
  'questioning on arrival at the airport',
  'searches of mobile phones',
  'summons to security branches',
  'transfer to front-line units',
  'short-notice mobilisation campaigns',
  'property seizure in absentia',
  'trials before military field courts',
  'denial of exemption certificates',
  'pressure on relatives',
  'reconciliation procedures with uneven results',
  'enforced disappearance for several months',
  'ill-treatment during interrogation',
  'amnesty decrees with narrow conditions',
  'extortion at internal crossings',
];
const QUALIFIERS = [
  'in several governorates',
  'during the reference period',
  'according to multiple interlocutors',
  'in at least a dozen documented cases',
  'mainly in urban areas',
  'with little public information',
  'without a clear legal basis',
  'after the latest amnesty',
  'in areas under government control',
  'particularly for those wanted for service',
  'despite official assurances',
  'across the border regions',
  'more often than in previous years',
  'with marked regional differences',
  'although figures remain incomplete',
];
const CONNECTORS = [
  'Moreover,',
  'However,',
  'In practice,',
  'By contrast,',
  'At the same time,',
  'Reportedly,',
  'Overall,',
  'Since then,',
];

/** One sentence of 10–25 words, without a final full stop. */
export function sentence(r: Random): string {
  const parts = [
    r.chance(0.3) ? r.pick(CONNECTORS) : '',
    r.pick(SUBJECTS).toLowerCase(),
    r.pick(VERBS),
    r.pick(OBJECTS),
    r.pick(QUALIFIERS),
    r.chance(0.4) ? `and ${r.pick(OBJECTS)}` : '',
  ].filter(Boolean);
  const text = parts.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/** A paragraph of roughly `words` words. */
export function paragraph(r: Random, words: number): string {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const s = `${sentence(r)}.`;
    out.push(s);
    count += s.split(' ').length;
  }
  return out.join(' ');
}

export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
