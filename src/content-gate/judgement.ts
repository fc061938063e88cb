/**
 * What the content gate returns for one MDX tree (./judge.ts): the findings, citations and cross-references it read,
 * and the problems it found. Types only, shared by the check, the compiler plugin and the compile workers.
 */
import type { MdastNode } from 'satteri';
import type { CiteCluster, TextCluster } from './citations.ts';
import type { CrossRef, IdMention } from './xrefs.ts';

/** A `<Finding>` element with its attributes and the citations inside it. */
export interface ScannedFinding {
  id: string;
  asOf: string;
  /** A short human title naming the finding wherever it is listed; the id stays its permanent anchor. */
  title?: string;
  uncertain?: string;
  offset: number;
  end: number;
  /** Offsets of attribute values, for pointing at the exact spot in messages. */
  attrOffsets: Record<string, number>;
  citations: CiteCluster[];
  /** The finding's text with markup and citations removed, for previews and search. */
  text: string;
}

/** A problem the gate found, before it is tied to a file. */
export interface GateProblem {
  offset: number;
  rule: 'unsafe-mdx' | 'syntax' | 'content-limit' | 'unsafe-character';
  message: string;
  hint: string;
}

/** A text node whose citation clusters the compiler plugin replaces with links to their sources. */
export interface CitationRewrite {
  node: MdastNode;
  clusters: TextCluster[];
}

export interface Judgement {
  findings: ScannedFinding[];
  citations: CiteCluster[];
  problems: GateProblem[];
  rewrites: CitationRewrite[];
  /** Links to a finding (./xrefs.ts), each with its node for the compiler to name by the finding's title. */
  crossRefs: (CrossRef & { node: MdastNode })[];
  /** Id-like words in the prose, outside citations: a finding id among them is reported (checks/raw-finding-id.ts). */
  mentions: IdMention[];
}
