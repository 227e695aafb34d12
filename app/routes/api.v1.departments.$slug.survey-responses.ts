import type { ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "#db/client.server.ts";
import {
  authenticateApi,
  json,
  methodNotAllowed,
  readJsonBody,
  validationError,
  type ApiFieldError,
} from "#app/modules/kpis/api.server.ts";
import { insertResponses } from "#app/modules/kpis/commands.server.ts";
import { ResponsesApiSchema, type ResponseRow } from "#app/modules/kpis/schemas.ts";

/** Answers may come from a clock a little ahead of ours, but not more than this. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * POST survey responses of a department (docs/api.md). The same answer sent
 * twice is stored once. One bad row: 422 and nothing is written.
 */
export function loader() {
  return methodNotAllowed("POST");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const { department } = await authenticateApi(request, params.slug);
  const body = await readJsonBody(request);
  const parsed = ResponsesApiSchema.safeParse(body);
  if (!parsed.success) return validationError(parsed.error.issues);
  const latest = Date.now() + CLOCK_SKEW_MS;
  const errors: ApiFieldError[] = [];
  const responses: ResponseRow[] = parsed.data.responses.map((r, i) => {
    if (r.respondedAt.getTime() > latest) {
      errors.push({ row: i + 1, field: "respondedAt", message: "kpis.errors.futureResponse" });
    }
    return { kind: r.kind, score: r.score, respondedAt: r.respondedAt, channel: r.channel ?? null, comment: r.comment };
  });
  if (errors.length) return validationError(errors);
  const result = await insertResponses(getDb(), {
    actorId: null,
    departmentId: department.id,
    responses,
    source: "api",
  });
  return json({ inserted: result.inserted, duplicates: result.duplicates });
}
