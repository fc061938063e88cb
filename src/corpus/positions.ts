/** Offsets in a text turned into the 1-based line and column that editors and linters use. */

export interface Position {
  line: number;
  column: number;
}

/** Builds a function mapping a character offset to a 1-based line and column. */
export function positionFinder(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
