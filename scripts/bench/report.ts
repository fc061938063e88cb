/** Summary statistics and the results table. */

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export interface Row {
  name: string;
  wall: Stats;
  /** User + system CPU seconds; null without GNU time. */
  cpu: Stats | null;
  memory: Stats;
  pages: number;
}

const triple = (s: Stats | null, digits: number) =>
  s ? `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})` : '?';

/** A fixed-width table: wall and CPU time in seconds, peak memory in MB (median, then min–max), pages emitted. */
export function table(rows: Row[]): string {
  const header = ['build', 'wall s median (min–max)', 'CPU s median (min–max)', 'peak MB median (min–max)', 'pages'];
  const body = rows.map((r) => [r.name, triple(r.wall, 2), triple(r.cpu, 1), triple(r.memory, 0), String(r.pages)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
