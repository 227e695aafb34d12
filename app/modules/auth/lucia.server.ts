import { Lucia, TimeSpan } from "lucia";
import type { Database } from "#db/connect.ts";
import { getEnv, isSecureOrigin } from "#app/env.server.ts";
import { HashedSessionIdAdapter, KyselySessionAdapter } from "./session-adapter.server.ts";

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof buildLucia>;
    DatabaseSessionAttributes: { created_at: Date };
    DatabaseUserAttributes: Record<string, never>;
  }
}

export const SESSION_COOKIE = "sl_session";

function buildLucia(db: Database) {
  const env = getEnv();
  const secure = isSecureOrigin(env);
  const adapter = new HashedSessionIdAdapter(
    new KyselySessionAdapter(db, {
      session: { table: "sessions", attributes: ["created_at"] },
      // Only active people may hold a session: deactivation ends access at once.
      user: { table: "users", attributes: [], where: { status: "active" } },
    }),
  );
  return new Lucia(adapter, {
    // The idle timeout: lucia extends a session in use, so an unused one dies after this.
    sessionExpiresIn: new TimeSpan(env.SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      name: secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
      // A browser-session cookie: the server decides expiry, so a sliding
      // extension never needs a new Set-Cookie.
      expires: false,
      attributes: { secure, sameSite: "lax" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: new Date(attributes.created_at) }),
  });
}

const instances = new WeakMap<Database, ReturnType<typeof buildLucia>>();

export function getLucia(db: Database) {
  let lucia = instances.get(db);
  if (!lucia) {
    lucia = buildLucia(db);
    instances.set(db, lucia);
  }
  return lucia;
}
