/**
 * Wall time and peak memory of one child process and everything it starts.
 *
 * Peak memory, and why two readings: `astro build` is one Node process, but Pagefind runs as a separate Rust
 * process beside it (pagefind/lib/service.js spawns it), so the RSS of the Node process alone, e.g. its own
 * `process.resourceUsage().maxRSS`, would miss part of the footprint. We therefore take
 *   1. GNU `/usr/bin/time -v` "Maximum resident set size": exact (kernel-tracked, nothing can slip between
 *      samples), but it is the peak of the single largest process in the tree, not of the tree as a whole;
 *   2. the sum of RSS over the whole process tree (root and all descendants, read from /proc every 100 ms): it
 *      sees processes running at the same time, but can miss a peak shorter than the interval and counts pages
 *      shared between processes twice (a few MB of shared libraries).
 * The reported peak is the larger of the two. Without /usr/bin/time (Debian package `time`) only the sampled
 * tree sum is used, and the report says so.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PAGE_SIZE = 4096;
const SAMPLE_MS = 100;
export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  exitCode: number | null;
  wallSeconds: number;
  /** max(largest single process from /usr/bin/time, sampled tree sum), in MB. */
  peakMB: number;
  largestProcessMB: number | null;
  /** User + system CPU seconds of the tree (from /usr/bin/time); less disturbed than wall time on a busy machine. */
  cpuSeconds: number | null;
  sampledTreeMB: number;
  /**
   * Share of the machine's CPU time taken by the hypervisor for other guests while the build ran ("steal" in
   * /proc/stat), in percent; null where the kernel does not report it. Wall times measured under steal are slower
   * for reasons that have nothing to do with the build.
   */
  stealPercent: number | null;
  output: string;
}

/** Total and steal jiffies of all CPUs, from the first line of /proc/stat. */
function cpuJiffies(): { total: number; steal: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** True when GNU time is installed and understands -v. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** RSS in bytes of `root` and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    // Fields after the command name, which is in parentheses and may hold spaces: state ppid … rss (field 24).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` in `cwd` and measures it; the output (stdout and stderr interleaved) is kept for parsing. */
export function measure(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; scratch: string },
): Promise<Measurement> {
  const timeFile = join(opts.scratch, `time-${process.hrtime.bigint()}.txt`);
  const gnu = hasGnuTime();
  const [cmd, argv] = gnu ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const jiffiesBefore = cpuJiffies();
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    let sampled = 0;
    const sample = () => {
      // With GNU time the tree root is `time` itself (about 2 MB); its child is the build.
      if (child.pid) sampled = Math.max(sampled, treeRss(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const jiffiesAfter = cpuJiffies();
      const elapsed = jiffiesBefore && jiffiesAfter ? jiffiesAfter.total - jiffiesBefore.total : 0;
      const stealPercent =
        jiffiesBefore && jiffiesAfter && elapsed > 0
          ? (100 * (jiffiesAfter.steal - jiffiesBefore.steal)) / elapsed
          : null;
      clearInterval(timer);
      let largest: number | null = null;
      let cpuSeconds: number | null = null;
      if (gnu) {
        const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
        const field = (label: string) => new RegExp(`${label}: ([\\d.]+)`).exec(report)?.[1];
        const rss = field('Maximum resident set size \\(kbytes\\)');
        largest = rss ? Number(rss) / 1024 : null;
        const user = field('User time \\(seconds\\)');
        const sys = field('System time \\(seconds\\)');
        cpuSeconds = user && sys ? Number(user) + Number(sys) : null;
        rmSync(timeFile, { force: true });
      }
      const sampledTreeMB = sampled / 1024 / 1024;
      resolve({
        exitCode,
        wallSeconds,
        largestProcessMB: largest,
        cpuSeconds,
        sampledTreeMB,
        stealPercent,
        peakMB: Math.max(largest ?? 0, sampledTreeMB),
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
