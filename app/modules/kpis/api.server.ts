/**
 * The JSON API of the KPI area (`/api/v1/departments/:slug/...`, docs/api.md):
 * bearer-token authentication, JSON bodies with a size limit, and errors in
 * one shape. Validation messages are locale keys inside the app; the API
 * answers with the English text and the key as `code`.
 */
import type { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { getI18n } from "#app/i18n/i18n.ts";
// Registers the messages of every language (the server's entry does the same).
import "#app/i18n/server.ts";
// Sets zod's error map, so zod issues carry locale keys.
import "#app/modules/forms.ts";
import { getDepartmentBySlug } from "#app/modules/departments/departments.server.ts";
import { splitMessageKey } from "#app/modules/messages.ts";
import { authorizeToken } from "#app/modules/policy/policy.ts";
import { authenticateApiToken } from "./commands.server.ts";

/** The largest request body the API reads. */
export const API_BODY_LIMIT = 10 * 1024 * 1024;
/** A 422 lists at most this many problems (and says how many there were). */
export const API_ERROR_LIMIT = 1000;
/** Past the limit, a body is read and dropped up to here (so the client gets its 413), then cut off. */
const DRAIN_LIMIT = 100 * 1024 * 1024;

/** A JSON answer that no cache keeps. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** For methods a route does not serve. */
export function methodNotAllowed(allow: string): Response {
  return json({ error: "method_not_allowed", message: `This endpoint accepts ${allow} only.` }, 405, { Allow: allow });
}

export function notFound(message: string): Response {
  return json({ error: "not_found", message }, 404);
}

function unauthorized(message: string, invalidToken: boolean): Response {
  const challenge = invalidToken ? 'Bearer realm="ServiceLoop", error="invalid_token"' : 'Bearer realm="ServiceLoop"';
  return json({ error: "unauthorized", message }, 401, { "WWW-Authenticate": challenge });
}

export interface ApiDepartment {
  id: string;
  slug: string;
  name: string;
}

/**
 * The department a request may reach: its bearer token must be valid and not
 * revoked (else 401), the department must exist (else 404), and the token
 * must belong to it (else 403). Throws those answers as Responses.
 */
export async function authenticateApi(
  request: Request,
  slug: string | undefined,
): Promise<{ tokenId: string; department: ApiDepartment }> {
  const db = getDb();
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Send an API token as 'Authorization: Bearer <token>'.", false);
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const auth = match ? await authenticateApiToken(db, match[1]!) : null;
  if (!auth) throw unauthorized("The API token is not valid or has been revoked.", true);
  const department = await getDepartmentBySlug(db, slug ?? "");
  if (!department) throw notFound("No department has this slug.");
  if (!authorizeToken(auth, department).allowed) {
    throw json({ error: "forbidden", message: "This API token belongs to another department." }, 403);
  }
  return { tokenId: auth.tokenId, department: { id: department.id, slug: department.slug, name: department.name } };
}

function badJson(message: string): Response {
  return json({ error: "bad_json", message }, 400);
}

function tooLarge(): Response {
  return json(
    { error: "too_large", message: `The request body is larger than ${API_BODY_LIMIT / 1024 / 1024} MB.` },
    413,
  );
}

/** The request's JSON body: 400 unless it is JSON, 413 past API_BODY_LIMIT. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json *(;|$)/i.test(type)) {
    throw badJson("Send the body as JSON, with 'Content-Type: application/json'.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > API_BODY_LIMIT) throw tooLarge();
  const bytes = await readLimited(request, API_BODY_LIMIT);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badJson("The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badJson("The body is not valid JSON.");
  }
}

/** Reads at most `limit` bytes; a longer body (sent without a length) is a 413. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DRAIN_LIMIT) {
      await reader.cancel();
      throw tooLarge();
    }
    if (total <= limit) chunks.push(value);
  }
  if (total > limit) throw tooLarge();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** One problem as the API reports it; `row` is the 1-based position in the array, absent for the body as a whole. */
export interface ApiFieldError {
  row?: number;
  field: string;
  /** A locale key, with `:param` as in validation.tooLong:120. */
  message: string;
}

/**
 * English for the keys only the API uses, in case the locale file lacks them
 * (the locale file wins when it has them).
 */
const ENGLISH_DEFAULTS: Record<string, string> = {
  "kpis.errors.noRows": "Send at least one row.",
  "kpis.errors.tooManyRows": "Send at most {{count}} rows per request.",
  "kpis.errors.futureResponse": "This moment is in the future.",
  "kpis.errors.fromAfterTo": "The start date is after the end date.",
  "kpis.errors.rangeTooLong": "Ask for at most {{count}} years at a time.",
  "kpis.errors.notAnObject": "Send a JSON object.",
};

/** The English text of a message key ("validation.tooLong:120" → "Use at most 120 characters."). */
export function englishMessage(message: string): string {
  const { key, count } = splitMessageKey(message);
  const t = getI18n("en").t;
  const defaultValue = ENGLISH_DEFAULTS[key];
  const options: Record<string, unknown> = {};
  if (count !== undefined) options.count = count;
  if (defaultValue !== undefined) options.defaultValue = defaultValue;
  return t(key, options);
}

/** Zod's problems as API errors: `["readings", 2, "value"]` is row 3, field "value". */
export function issuesToErrors(issues: z.ZodIssue[]): ApiFieldError[] {
  return issues.map((issue) => {
    const [first, second, ...rest] = issue.path;
    if (typeof second === "number") {
      // The row itself (not an object) when the path ends at it.
      return { row: second + 1, field: rest.length ? rest.join(".") : "row", message: issue.message };
    }
    if (issue.path.length === 0) return { field: "body", message: "kpis.errors.notAnObject" };
    // The batch as a whole: too many or no rows.
    if (issue.code === "too_big" && issue.type === "array") {
      return { field: String(first), message: `kpis.errors.tooManyRows:${Number(issue.maximum)}` };
    }
    if (issue.code === "too_small" && issue.type === "array") {
      return { field: String(first), message: "kpis.errors.noRows" };
    }
    return { field: issue.path.join("."), message: issue.message };
  });
}

/** 422 with every problem (up to API_ERROR_LIMIT), each in English and with its key as `code`. */
export function validationError(errors: ApiFieldError[] | z.ZodIssue[]): Response {
  const list: ApiFieldError[] = errors.some((e) => "code" in e && "path" in e)
    ? issuesToErrors(errors as z.ZodIssue[])
    : (errors as ApiFieldError[]);
  const sorted = [...list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const body: Record<string, unknown> = {
    error: "invalid",
    errors: sorted.slice(0, API_ERROR_LIMIT).map((e) => ({
      ...(e.row === undefined ? {} : { row: e.row }),
      field: e.field,
      message: englishMessage(e.message),
      code: splitMessageKey(e.message).key,
    })),
  };
  if (sorted.length > API_ERROR_LIMIT) body.errorCount = sorted.length;
  return json(body, 422);
}
