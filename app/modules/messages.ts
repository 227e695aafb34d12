/**
 * Validation messages are locale keys, not English sentences: the server
 * answers with keys, the page translates them. A key may carry one number
 * after a colon ("validation.tooShort:12"), passed to the translation as `count`.
 */
export function splitMessageKey(message: string): { key: string; count?: number } {
  const [key = message, count] = message.split(":");
  return count === undefined ? { key } : { key, count: Number(count) };
}
