/**
 * A dev-server response held back until it is complete, then sent as it is or replaced by a refusal. The content
 * guard admits a request while content passes, but a page renders for a while: a save during the render can leave
 * it reading content the guard has since refused (and failing with whatever error that content causes, or showing
 * half old, half new content). Deciding once the response is complete lets the guard have the last word.
 */
import type { ServerResponse } from 'node:http';

type Call = { method: 'writeHead' | 'write' | 'end'; args: unknown[] };

/**
 * Holds what is written to `res` until it ends; then `verdict(status)` (the status the response would have) says
 * whether to send it (`undefined`) or refuse it, and `refuse(error)` answers instead, on a response with no headers.
 * Dev only: a whole page is held in memory, and a streamed page reaches the browser at once when it ends.
 */
export function holdResponse(
  res: ServerResponse,
  verdict: (status: number) => Error | undefined,
  refuse: (error: Error) => void,
): void {
  const held: Call[] = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let status: number | undefined;
  // Astro appends its error to a page whose head is already sent, or sends a page of its own; as it would unheld.
  Object.defineProperty(res, 'headersSent', { configurable: true, get: () => status !== undefined });
  const release = () => {
    delete (res as { headersSent?: boolean }).headersSent;
    Object.assign(res, original);
  };

  res.writeHead = ((code: number, ...rest: unknown[]) => {
    status = code;
    held.push({ method: 'writeHead', args: [code, ...rest] });
    return res;
  }) as typeof res.writeHead;
  // Accepted at once, as a stream piped into the response would otherwise wait for a 'drain' that never comes.
  res.write = ((...args: unknown[]) => {
    held.push({ method: 'write', args });
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    release();
    let refusal: Error | undefined;
    try {
      refusal = verdict(status ?? res.statusCode);
    } catch (error) {
      // A guard that cannot decide refuses.
      refusal = error instanceof Error ? error : new Error(String(error));
    }
    if (refusal) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 500;
      refuse(refusal);
    } else {
      for (const { method, args } of held) (res[method] as (...a: unknown[]) => unknown).apply(res, args);
      res.end(...(args as []));
    }
    return res;
  }) as typeof res.end;
}
