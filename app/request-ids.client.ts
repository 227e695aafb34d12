/**
 * A 500 after a client-side navigation comes from a data request, not from
 * the document: entry.client records the request id of the last failed one
 * so that the error page can show the reference that is in the server log.
 */
let lastFailed: string | undefined;

export function recordFailedRequestId(id: string | null): void {
  if (id) lastFailed = id;
}

export function lastFailedRequestId(): string | undefined {
  return lastFailed;
}
