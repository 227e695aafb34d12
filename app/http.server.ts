import { data } from "@remix-run/node";
import type { Decision } from "#app/modules/policy/policy.ts";

/** What the error boundary gets for a 403: why the actor was refused. */
export function forbidden(decision: Decision) {
  return data({ denial: decision }, { status: 403 });
}

export function notFound() {
  return data({ notFound: true }, { status: 404 });
}

/** `invariantResponse` in the Epic Stack's sense: throw a 404 unless `value` holds. */
export function assertFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw notFound();
}

/** Returns the first IP of the request as Express saw it (set in server.ts). */
export function clientIp(request: Request): string {
  return request.headers.get("x-serviceloop-client-ip") ?? "unknown";
}
