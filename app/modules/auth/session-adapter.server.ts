import type { Kysely } from "kysely";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { sha256Hex as hashSessionToken } from "./tokens.server.ts";

export interface KyselyAdapterTables {
  session: { table: string; attributes: readonly string[] };
  user: { table: string; attributes: readonly string[]; where?: Record<string, string> };
}

type Row = Record<string, unknown>;

/**
 * A lucia v3 adapter over Kysely. Table and attribute column names are
 * configurable so that the published `@lucia-auth/adapter-test` suite runs
 * against this exact code (on its own tables) as well as against ours.
 * `user.where` narrows which users may hold a session (ours: active ones).
 */
export class KyselySessionAdapter implements Adapter {
  constructor(
    private readonly db: Kysely<any>,
    private readonly tables: KyselyAdapterTables,
  ) {}

  /** One round trip: every signed-in request starts here. */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const { session, user } = this.tables;
    let query = this.db
      .selectFrom(`${session.table} as s`)
      .innerJoin(`${user.table} as u`, "u.id", "s.user_id")
      .selectAll("s")
      .select(["u.id as u__id", ...user.attributes.map((a) => `u.${a} as u__${a}`)])
      .where("s.id", "=", sessionId);
    for (const [column, value] of Object.entries(user.where ?? {})) query = query.where(`u.${column}`, "=", value);
    const row: Row | undefined = await query.executeTakeFirst();
    if (!row) return [null, null];
    const userRow = Object.fromEntries(["id", ...user.attributes].map((a) => [a, row[`u__${a}`]]));
    return [this.toSession(row), this.toUser(userRow)];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows: Row[] = await this.db
      .selectFrom(this.tables.session.table)
      .selectAll()
      .where("user_id", "=", userId)
      .execute();
    return rows.map((row) => this.toSession(row));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = pick(session.attributes as Row, this.tables.session.attributes);
    await this.db
      .insertInto(this.tables.session.table)
      .values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt, ...attributes })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable(this.tables.session.table)
      .set({ expires_at: expiresAt })
      .where("id", "=", sessionId)
      .execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom(this.tables.session.table).where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom(this.tables.session.table).where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom(this.tables.session.table).where("expires_at", "<=", new Date()).execute();
  }

  private toSession(row: Row): DatabaseSession {
    return {
      id: String(row.id),
      userId: String(row.user_id),
      expiresAt: new Date(row.expires_at as Date),
      attributes: pick(row, this.tables.session.attributes),
    } as DatabaseSession;
  }

  private toUser(row: Row): DatabaseUser {
    return { id: String(row.id), attributes: pick(row, this.tables.user.attributes) } as DatabaseUser;
  }
}

function pick(row: Row, keys: readonly string[]): Row {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

/**
 * Keeps only the SHA-256 of each session token in the database: lucia hands
 * this adapter the token from the cookie and gets the same token back, while
 * the table holds its hash. Sessions listed by user carry the hash as their id.
 */
export class HashedSessionIdAdapter implements Adapter {
  constructor(private readonly inner: Adapter) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [session, user] = await this.inner.getSessionAndUser(hashSessionToken(sessionId));
    return [session ? { ...session, id: sessionId } : null, user];
  }
  getUserSessions(userId: string): Promise<DatabaseSession[]> {
    return this.inner.getUserSessions(userId);
  }
  setSession(session: DatabaseSession): Promise<void> {
    return this.inner.setSession({ ...session, id: hashSessionToken(session.id) });
  }
  updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    return this.inner.updateSessionExpiration(hashSessionToken(sessionId), expiresAt);
  }
  deleteSession(sessionId: string): Promise<void> {
    return this.inner.deleteSession(hashSessionToken(sessionId));
  }
  deleteUserSessions(userId: string): Promise<void> {
    return this.inner.deleteUserSessions(userId);
  }
  deleteExpiredSessions(): Promise<void> {
    return this.inner.deleteExpiredSessions();
  }
}
