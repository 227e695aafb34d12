import type { Database } from "#db/connect.ts";
import { jsonb } from "#db/jsonb.ts";

/** Appends to the audit log, inside the caller's transaction. */
export async function audit(
  db: Database,
  entry: { actorId: string | null; action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      details: jsonb(entry.details ?? {}),
    })
    .execute();
}
