import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { Database } from "#db/connect.ts";
import { sha256Hex } from "#app/modules/auth/tokens.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { INVITATION_DAYS } from "./constants.ts";
import type { Membership } from "./schemas.server.ts";
import { setMemberships } from "./people.server.ts";

/** 256 random bits, URL-safe. Only its SHA-256 is stored. */
function newToken(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

async function issueInvitation(db: Database, userId: string, invitedBy: string | null): Promise<string> {
  const token = newToken();
  // A new link replaces any earlier one that is still open.
  await db
    .updateTable("invitations")
    .set({ revoked_at: new Date() })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  await db
    .insertInto("invitations")
    .values({
      user_id: userId,
      token_hash: sha256Hex(token),
      invited_by: invitedBy,
      expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .execute();
  return token;
}

/**
 * Creates the invited person (role, departments) and a single-use link. One transaction.
 * `actorId` null: invited from the command line (the first admin of an empty database).
 */
export async function invitePerson(
  db: Database,
  actorId: string | null,
  input: { email: string; role: "employee" | "leader" | "admin"; memberships: Membership[] },
): Promise<{ userId: string; token: string }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("users")
      .select(["id", "status"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email.toLowerCase()))
      .executeTakeFirst();
    if (existing) {
      throw CommandError.field("email", existing.status === "invited" ? "people.alreadyInvited" : "people.emailTaken");
    }
    const user = await trx
      .insertInto("users")
      .values({ email: input.email, role: input.role, status: "invited" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setMemberships(trx, user.id, input.memberships);
    const token = await issueInvitation(trx, user.id, actorId);
    await audit(trx, {
      actorId,
      action: "person.invite",
      subject: user.id,
      details: { email: input.email, role: input.role, memberships: input.memberships },
    });
    return { userId: user.id, token };
  });
}

/** A fresh link for someone who has not accepted yet; the old link stops working. */
export async function reissueInvitation(db: Database, actorId: string, userId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select("status").where("id", "=", userId).executeTakeFirst();
    if (!user || user.status !== "invited") throw CommandError.field("form", "people.notInvited");
    const token = await issueInvitation(trx, userId, actorId);
    await audit(trx, { actorId, action: "person.reinvite", subject: userId });
    return token;
  });
}

export type InvitationLookup =
  | { state: "valid"; invitationId: string; userId: string; email: string }
  | { state: "invalid" };

/** Unknown, used, revoked and expired links all look the same to the visitor. */
export async function findInvitation(db: Database, token: string): Promise<InvitationLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" };
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .select(["i.id", "i.user_id", "u.email", "u.status", "i.expires_at", "i.used_at", "i.revoked_at"])
    .where("i.token_hash", "=", sha256Hex(token))
    .executeTakeFirst();
  if (
    !row ||
    row.used_at ||
    row.revoked_at ||
    row.status !== "invited" ||
    new Date(row.expires_at).getTime() <= Date.now()
  ) {
    return { state: "invalid" };
  }
  return { state: "valid", invitationId: row.id, userId: row.user_id, email: row.email };
}

/** Sets name and password, activates the account and uses up the link. One transaction. */
export async function acceptInvitation(
  db: Database,
  token: string,
  input: { name: string; password: string },
): Promise<{ userId: string } | null> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, token);
    if (invitation.state !== "valid") return null;
    // Guards against two tabs accepting the same link at once.
    const used = await trx
      .updateTable("invitations")
      .set({ used_at: new Date() })
      .where("id", "=", invitation.invitationId)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    await trx
      .updateTable("users")
      .set({ name: input.name, password_hash: passwordHash, status: "active", updated_at: new Date() })
      .where("id", "=", invitation.userId)
      .execute();
    await audit(trx, { actorId: invitation.userId, action: "person.accept-invitation", subject: invitation.userId });
    return { userId: invitation.userId };
  });
}
