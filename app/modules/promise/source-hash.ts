import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

/**
 * Which version of an original text a translation was made from: a short
 * hash of that text. When the original changes, the hash changes, and the
 * translation shows as outdated.
 */
export function sourceHash(original: string): string {
  if (original.length > REMEMBERED_LENGTH) return hash(original);
  let known = remembered.get(original);
  if (known === undefined) {
    if (remembered.size >= REMEMBERED_TEXTS) remembered.clear();
    known = hash(original);
    remembered.set(original, known);
  }
  return known;
}

// Pages hash the same behaviour titles on every request (SHA-256 in JavaScript): short texts are hashed once.
const REMEMBERED_LENGTH = 500;
const REMEMBERED_TEXTS = 5000;
const remembered = new Map<string, string>();

function hash(original: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(original.trim()))).slice(0, 16);
}
