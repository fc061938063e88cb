/**
 * A dev-server response held until it is complete: sent unchanged when the verdict lets it through, replaced by the
 * refusal otherwise, whatever was written before. Driven through a real HTTP server on the loopback interface.
 */
import { createServer, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { holdResponse } from '../../../src/integrations/held-response.ts';

type Verdict = (status: number) => Error | undefined;

/** Serves one handler behind `holdResponse`; the refusal answers 500 with the error's message as text. */
async function serve(verdict: Verdict, handler: (res: ServerResponse) => void) {
  const statuses: number[] = [];
  const server = createServer((_req, res) => {
    holdResponse(
      res,
      (status) => {
        statuses.push(status);
        return verdict(status);
      },
      (error) => {
        res.setHeader('content-type', 'text/plain');
        res.end(`refused: ${error.message}`);
      },
    );
    handler(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  const { port } = server.address() as { port: number };
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return { response, body: await response.text(), statuses };
}

/** A page written the way Astro's dev server writes one: head, then the body in chunks. */
const page = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html', 'x-page': 'yes' });
  res.write('<p>one</p>');
  setTimeout(() => {
    res.write('<p>two</p>');
    res.end('<p>three</p>');
  }, 5);
};

/** An error page written the way Astro's dev server writes one when a render throws. */
const crashed = (res: ServerResponse) => {
  const html = '<title>TypeError</title>';
  res.writeHead(500, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
  res.write(html);
  res.end();
};

describe('holdResponse', () => {
  it('sends the response unchanged when the verdict lets it through', async () => {
    const { response, body, statuses } = await serve(() => undefined, page);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page')).toBe('yes');
    expect(body).toBe('<p>one</p><p>two</p><p>three</p>');
    expect(statuses).toEqual([200]);
  });

  it('replaces a complete page with the refusal, and none of its headers reach the browser', async () => {
    const { response, body } = await serve(() => new Error('unsafe-yaml in deserters.mdx'), page);
    expect(response.status).toBe(500);
    expect(response.headers.get('x-page')).toBeNull();
    expect(body).toBe('refused: unsafe-yaml in deserters.mdx');
  });

  it("gives the verdict a failed render's status, and replaces its error page (content-length and all)", async () => {
    const verdict: Verdict = (status) => (status >= 500 ? new Error('the report') : undefined);
    const { response, body, statuses } = await serve(verdict, crashed);
    expect(statuses).toEqual([500]);
    expect(response.status).toBe(500);
    expect(body).toBe('refused: the report');
  });

  it('refuses when the verdict itself throws', async () => {
    const verdict: Verdict = () => {
      throw new Error('could not decide');
    };
    const { body } = await serve(verdict, page);
    expect(body).toBe('refused: could not decide');
  });

  it('takes a stream piped into the response without waiting for it to drain', async () => {
    const chunks = Array.from({ length: 200 }, (_, i) => `${i}:${'x'.repeat(1000)}\n`);
    const { body } = await serve(
      () => undefined,
      (res) => {
        res.statusCode = 203;
        Readable.from(chunks).pipe(res);
      },
    );
    expect(body).toBe(chunks.join(''));
  });

  it('reports the head as sent once written, as an unheld response would', async () => {
    const seen: boolean[] = [];
    await serve(
      () => undefined,
      (res) => {
        seen.push(res.headersSent);
        res.writeHead(200);
        seen.push(res.headersSent);
        res.end();
      },
    );
    expect(seen).toEqual([false, true]);
  });
});
