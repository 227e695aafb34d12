import { testAdapter } from "@lucia-auth/adapter-test";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HashedSessionIdAdapter, KyselySessionAdapter } from "#app/modules/auth/session-adapter.server.ts";
import { sha256Hex } from "#app/modules/auth/tokens.server.ts";
import { endAllSessions, startSession, validateSessionToken } from "#app/modules/auth/session.server.ts";
import { getLucia } from "#app/modules/auth/lucia.server.ts";
import { createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

function tokenOf(setCookie: string): string {
  return /sl_session=([^;]+)/.exec(setCookie)![1]!;
}

describe("the lucia adapter", () => {
  it("passes the published @lucia-auth/adapter-test suite", async () => {
    // The suite brings its own user and session shapes: give it tables of that shape.
    await sql`create table adapter_test_user (id text primary key, username text not null)`.execute(db);
    await sql`create table adapter_test_session (
      id text primary key, user_id text not null references adapter_test_user(id),
      expires_at timestamptz not null, country text not null)`.execute(db);
    const { databaseUser } = await import("@lucia-auth/adapter-test");
    await sql`insert into adapter_test_user (id, username) values (${databaseUser.id}, ${String(databaseUser.attributes.username)})`.execute(
      db,
    );
    const adapter = new KyselySessionAdapter(db, {
      session: { table: "adapter_test_session", attributes: ["country"] },
      user: { table: "adapter_test_user", attributes: ["username"] },
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await testAdapter(adapter);
    } finally {
      log.mockRestore();
    }
  });

  it("stores only the SHA-256 of the session token", async () => {
    const user = await createUser(db);
    const token = tokenOf(await startSession(db, user.id));
    expect(token.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits of base32
    const rows = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(rows).toEqual([{ id: sha256Hex(token) }]);
    expect(await validateSessionToken(db, token)).toEqual({ userId: user.id });
    expect(await validateSessionToken(db, sha256Hex(token))).toBeNull();
  });

  it("hands lucia's id back unchanged while the table keys by hash", async () => {
    const user = await createUser(db);
    const adapter = new HashedSessionIdAdapter(
      new KyselySessionAdapter(db, {
        session: { table: "sessions", attributes: ["created_at"] },
        user: { table: "users", attributes: [] },
      }),
    );
    const id = "a".repeat(40);
    await adapter.setSession({
      id,
      userId: user.id,
      expiresAt: new Date(Date.now() + 60_000),
      attributes: { created_at: new Date() },
    });
    const [session] = await adapter.getSessionAndUser(id);
    expect(session?.id).toBe(id);
    await adapter.deleteSession(id);
    expect(await adapter.getSessionAndUser(id)).toEqual([null, null]);
  });
});

describe("session lifetime", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createUser(db)).id;
  });
  afterAll(() => vi.useRealTimers());

  it("ends a session left idle past the idle timeout", async () => {
    const token = tokenOf(await startSession(db, userId));
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", sha256Hex(token))
      .execute();
    expect(await validateSessionToken(db, token)).toBeNull();
  });

  it("extends a session in use (sliding idle timeout)", async () => {
    const token = tokenOf(await startSession(db, userId));
    const soon = new Date(Date.now() + 60_000); // less than half of the idle period left
    await db.updateTable("sessions").set({ expires_at: soon }).where("id", "=", sha256Hex(token)).execute();
    expect(await validateSessionToken(db, token)).toEqual({ userId });
    const row = await db
      .selectFrom("sessions")
      .select("expires_at")
      .where("id", "=", sha256Hex(token))
      .executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).getTime()).toBeGreaterThan(soon.getTime());
  });

  it("ends a session past its absolute lifetime even while in use", async () => {
    const token = tokenOf(await startSession(db, userId));
    await db
      .updateTable("sessions")
      .set({ created_at: new Date(Date.now() - 13 * 3_600_000) })
      .where("id", "=", sha256Hex(token))
      .execute();
    expect(await validateSessionToken(db, token)).toBeNull();
    expect(
      await db.selectFrom("sessions").where("id", "=", sha256Hex(token)).select("id").executeTakeFirst(),
    ).toBeUndefined();
  });

  it("does not accept a session of a deactivated person", async () => {
    const person = await createUser(db);
    const token = tokenOf(await startSession(db, person.id));
    await db.updateTable("users").set({ status: "deactivated" }).where("id", "=", person.id).execute();
    expect(await validateSessionToken(db, token)).toBeNull();
  });

  it("ends every session of a person at once", async () => {
    const person = await createUser(db);
    const a = tokenOf(await startSession(db, person.id));
    const b = tokenOf(await startSession(db, person.id));
    await endAllSessions(db, person.id);
    expect(await validateSessionToken(db, a)).toBeNull();
    expect(await validateSessionToken(db, b)).toBeNull();
  });

  it("writes a cookie that is HttpOnly, SameSite=Lax and has no Max-Age", async () => {
    const cookie = await startSession(db, userId);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Max-Age|Expires/);
    expect(getLucia(db).sessionCookieName).toBe("sl_session");
  });
});
