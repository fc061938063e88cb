/**
 * Where pages get profile bodies: from the compiler the profileBodies integration (./profile-bodies.ts) provides. The
 * integration and the pages are separate module instances (the pages are bundled, or run by Vite's module runner
 * under `astro dev`), so the provider is kept on globalThis, as the checked corpus is.
 */
import type { ProfileBody } from './profile-body.ts';

/** A profile as the content check read it: its id, its file (relative to the project root) and its text. */
export interface BodyRequest {
  id: string;
  file: string;
  text: string;
}

export interface BodyProvider {
  body(profile: BodyRequest): Promise<ProfileBody>;
}

const KEY = Symbol.for('cg.profile-bodies');
const state = globalThis as { [KEY]?: BodyProvider };

/** Sets (or, with undefined, removes) what pages get bodies from. */
export function provideBodies(provider: BodyProvider | undefined): void {
  state[KEY] = provider;
}

/** The compiled body of a profile; fails when no integration provides bodies (astro.config.mjs lists it). */
export function profileBody(profile: BodyRequest): Promise<ProfileBody> {
  const provider = state[KEY];
  if (!provider) throw new Error('no profile bodies: add profileBodies() to the integrations in astro.config.mjs');
  return provider.body(profile);
}
