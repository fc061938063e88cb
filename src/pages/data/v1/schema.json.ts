/** The JSON Schema of the open data, version 1. */
import type { APIRoute } from 'astro';
import { openDataSchema } from '../../../lib/open-data/schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(openDataSchema, null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
