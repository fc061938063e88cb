/**
 * Whether a published XML file (the updates feed, an SVG) is well-formed XML 1.0: a feed reader drops an ill-formed
 * feed whole. The structure is read by fast-xml-parser's validator; it does not check characters, so those XML 1.0
 * forbids (a form feed, other C0 controls, U+FFFE/U+FFFF, a lone surrogate), written raw or as a character
 * reference, are looked for here.
 */
import { XMLValidator } from 'fast-xml-parser';
import { positionFinder, type Position } from '../corpus/positions.ts';
import type { ScanVerdict } from './dist-scan.ts';

/** A character XML 1.0 does not allow (its `Char` production). */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const allowedCode = (code: number) => !NOT_XML_CHAR.test(String.fromCodePoint(code));

/** Why `text` is not well-formed XML, with where; null when it is. */
export function xmlProblem(text: string): (Position & { message: string }) | null {
  const at = positionFinder(text);
  const raw = NOT_XML_CHAR.exec(text);
  if (raw) {
    const code = raw[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { ...at(raw.index), message: `U+${code} is not allowed in XML 1.0` };
  }
  for (const ref of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = ref[1][0] === 'x' ? parseInt(ref[1].slice(1), 16) : Number(ref[1]);
    if (code > 0x10ffff || !allowedCode(code))
      return { ...at(ref.index), message: `${ref[0]} is not allowed in XML 1.0` };
  }
  const result = XMLValidator.validate(text);
  if (result === true) return null;
  return { line: result.err.line, column: result.err.col, message: result.err.msg };
}

/** A verdict of the publish scan with the file's well-formedness added: an ill-formed file is its first problem. */
export function withXmlCheck(verdict: ScanVerdict, file: string, text: string, hint: string): ScanVerdict {
  const bad = xmlProblem(text);
  if (!bad) return verdict;
  const { message, ...where } = bad;
  const problem = { file, ...where, severity: 'error', rule: 'ill-formed-xml', message, hint } as const;
  return { ...verdict, problems: [problem, ...verdict.problems] };
}
