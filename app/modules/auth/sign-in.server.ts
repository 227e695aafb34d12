import { z } from "zod";
import type { Database } from "#db/connect.ts";
import { hasNul } from "#app/modules/forms.ts";
import { verifyPassword } from "./password.server.ts";
import { accountKey, clearFailures, ipKey, lockedMinutes, recordFailure, THROTTLE } from "./throttle.server.ts";

export const SignInSchema = z.object({
  // Any text may be tried (it is only compared), but not NUL: PostgreSQL cannot take it.
  email: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .refine((email) => !hasNul(email)),
  password: z.string().min(1).max(1024),
  redirectTo: z.string().optional(),
});

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; minutes: number };

/**
 * Checks e-mail and password. The answer never tells whether the e-mail
 * exists: unknown accounts are verified against a dummy hash and counted
 * the same way as known ones.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const keys = { account: accountKey(input.email), ip: ipKey(input.ip) };
  const minutes = await lockedMinutes(db, [keys.account, keys.ip]);
  if (minutes > 0) return { ok: false, reason: "throttled", minutes };

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "status"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email.trim().toLowerCase()))
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);

  if (!user || !passwordOk || user.status !== "active") {
    await recordFailure(db, keys.account, THROTTLE.accountLimit);
    await recordFailure(db, keys.ip, THROTTLE.ipLimit);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, keys.account);
  return { ok: true, userId: user.id };
}

/**
 * Where to go after signing in: only a same-site relative path. "//host",
 * "/\host" and anything with a scheme fall back to the home page.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://serviceloop.invalid");
    if (url.origin !== "http://serviceloop.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
