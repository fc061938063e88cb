/** The key of a cached result: a SHA-256 over the texts it was made from. */
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) over `parts`, each as its length and its UTF-16 code units: no two lists of texts give the same
 * bytes to hash, a lone surrogate included (UTF-8 would write it as U+FFFD, the same as a real U+FFFD).
 */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part, 'utf16le');
  return hash.digest('hex');
}
