import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

/**
 * Which version of an original text a translation was made from: a short
 * hash of that text. When the original changes, the hash changes, and the
 * translation shows as outdated.
 */
export function sourceHash(original: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(original.trim()))).slice(0, 16);
}
