import { describe, expect, it } from 'vitest';
import { PageResponse, pageResponse } from '../../../src/prerender-tap/prerender-result.ts';

const html = '<!doctype html><p>Déserteurs</p>';
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text)) as Uint8Array<ArrayBuffer>;

describe('a rendered page handed from tap to tap', () => {
  it('is read from its body once and then answers every reader with the same bytes', async () => {
    const page = await pageResponse(new Response(html, { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(page).toBeInstanceOf(PageResponse);
    expect(await pageResponse(page)).toBe(page);
    expect(Buffer.from(await page.arrayBuffer()).toString()).toBe(html);
    expect(Buffer.from(await page.arrayBuffer()).toString()).toBe(html);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
  });

  it('streams the same bytes from its body as it answers from arrayBuffer', async () => {
    const page = new PageResponse(bytesOf(html), { status: 200, headers: new Headers() });
    expect(page.body).not.toBeNull();
    expect(await new Response(page.body).text()).toBe(html);
  });

  it('answers only its own bytes when they are a view into a larger buffer', async () => {
    const whole = bytesOf(`xx${html}yy`);
    const page = new PageResponse(whole.subarray(2, whole.length - 2), { status: 200, headers: new Headers() });
    expect(Buffer.from(await page.arrayBuffer()).toString()).toBe(html);
  });
});
