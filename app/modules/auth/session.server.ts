import { redirect } from "@remix-run/node";
import type { Database } from "#db/connect.ts";
import { getDb } from "#db/client.server.ts";
import { getEnv } from "#app/env.server.ts";
import { authorize, type Action, type Actions, type Actor } from "#app/modules/policy/policy.ts";
import { loadActor, type CurrentUser } from "#app/modules/people/actor.server.ts";
import { forbidden } from "#app/http.server.ts";
import { getLucia } from "./lucia.server.ts";

/** Starts a session for the user; returns the Set-Cookie header value. */
export async function startSession(db: Database, userId: string): Promise<string> {
  const lucia = getLucia(db);
  const session = await lucia.createSession(userId, { created_at: new Date() });
  const cookie = lucia.createSessionCookie(session.id);
  // A browser-session cookie (lucia would keep it 400 days): expiry is the server's decision.
  cookie.attributes.maxAge = undefined;
  return cookie.serialize();
}

export function blankSessionCookie(db: Database): string {
  return getLucia(db).createBlankSessionCookie().serialize();
}

export function readSessionToken(db: Database, request: Request): string | null {
  return getLucia(db).readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * Validates the session token: unknown, expired (idle), past its absolute
 * lifetime, or belonging to a person who is no longer active → null.
 */
export async function validateSessionToken(db: Database, token: string): Promise<{ userId: string } | null> {
  const lucia = getLucia(db);
  const { session } = await lucia.validateSession(token);
  if (!session) return null;
  const maxAgeMs = getEnv().SESSION_MAX_HOURS * 3_600_000;
  if (session.createdAt.getTime() + maxAgeMs <= Date.now()) {
    await lucia.invalidateSession(token);
    return null;
  }
  return { userId: session.userId };
}

export async function endSession(db: Database, request: Request): Promise<string> {
  const token = readSessionToken(db, request);
  if (token) await getLucia(db).invalidateSession(token);
  return blankSessionCookie(db);
}

/** Ends every session of a person (password change, deactivation). */
export async function endAllSessions(db: Database, userId: string): Promise<void> {
  await getLucia(db).invalidateUserSessions(userId);
}

const currentUsers = new WeakMap<Request, Promise<CurrentUser | null>>();
const currentUsersById = new Map<string, Promise<CurrentUser | null>>();

/**
 * The signed-in person of this request, or null. The root and route loaders
 * of one request each get their own copy of the Request, so the answer is
 * shared through the request id server.ts puts on it (not trusted from
 * outside: the server overwrites it), and kept for a minute at most.
 */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const requestId = request.headers.get("x-serviceloop-request-id");
  let pending = requestId ? currentUsersById.get(requestId) : currentUsers.get(request);
  if (!pending) {
    pending = (async () => {
      const db = getDb();
      const token = readSessionToken(db, request);
      if (!token) return null;
      const session = await validateSessionToken(db, token);
      return session ? loadActor(db, session.userId) : null;
    })();
    if (requestId) {
      currentUsersById.set(requestId, pending);
      setTimeout(() => currentUsersById.delete(requestId), 60_000).unref();
    } else {
      currentUsers.set(request, pending);
    }
  }
  return pending;
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  const params = here === "/" ? "" : `?${new URLSearchParams({ redirectTo: here })}`;
  return redirect(`/login${params}`);
}

/** Anonymous → redirect to sign-in; otherwise the current person. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/**
 * The guard at the top of every loader and action: asks the policy module
 * and throws the sign-in redirect or a 403 that says what is missing.
 */
export async function requirePermission<A extends Action>(
  request: Request,
  action: A,
  subject: Actions[A],
): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  const decision = authorize(user satisfies Actor | null, action, subject);
  if (decision.allowed && user) return user;
  if (!user) throw loginRedirect(request);
  throw forbidden(decision);
}
