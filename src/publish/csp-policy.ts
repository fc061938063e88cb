/** The Content-Security-Policy every published page must carry, and the script hashes it allows. */
import { createHash } from 'node:crypto';

/** The hash sources of a CSP's script-src (or script-src-elem), e.g. "sha256-…". */
export function cspScriptHashes(policy: string): Set<string> {
  const hashes = new Set<string>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== 'script-src' && name !== 'script-src-elem') continue;
    for (const s of sources) {
      const m = /^'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'$/.exec(s);
      if (m) hashes.add(m[1]);
    }
  }
  return hashes;
}

/** Whether a CSP has what every page needs: same origin only, and no inline or eval'd scripts beyond wasm. */
export function cspProblem(policy: string): string | null {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([n, ...s]) => [n.toLowerCase(), s]),
  );
  const def = directives.get('default-src');
  if (!def || def.join(' ') !== "'self'") return "default-src is not 'self'";
  const script = directives.get('script-src') ?? def;
  if (script.includes("'unsafe-inline'")) return "script-src allows 'unsafe-inline'";
  if (script.includes("'unsafe-eval'")) return "script-src allows 'unsafe-eval'";
  for (const [name, sources] of directives) {
    // Keywords and hashes are quoted; anything else (a host, a scheme such as https: or data:, *) lets in more.
    const other = sources.find((s) => !s.startsWith("'"));
    if (other) return `${name} allows another origin or scheme (${other})`;
  }
  return null;
}

/** A script's hash source for a CSP, such as sha256-... */
export const hashOf = (algorithm: 'sha256' | 'sha384' | 'sha512', text: string) =>
  `${algorithm}-${createHash(algorithm).update(text).digest('base64')}`;
