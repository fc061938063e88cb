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
  memory: Stats;
  pages: number;
}

/** A fixed-width table: wall time in seconds, peak memory in MB, pages emitted. */
export function table(rows: Row[]): string {
  const header = ['build', 'wall median (s)', 'wall min (s)', 'wall max (s)', 'peak MB median', 'peak MB min', 'peak MB max', 'pages'];
  const body = rows.map((r) => [
    r.name,
    r.wall.median.toFixed(2), r.wall.min.toFixed(2), r.wall.max.toFixed(2),
    r.memory.median.toFixed(0), r.memory.min.toFixed(0), r.memory.max.toFixed(0),
    String(r.pages),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
