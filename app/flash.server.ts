import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { isSecureOrigin } from "#app/env.server.ts";

/**
 * A one-time message shown after a redirect ("Saved."). It carries only a
 * locale key and short text parameters, so it needs no signature: a forged
 * cookie can only show its owner one of our own messages.
 */
const flashCookie = createCookie("sl_flash", { path: "/", sameSite: "lax", httpOnly: true, secure: isSecureOrigin() });

const FlashSchema = z.object({
  key: z.string().regex(/^flash\.[A-Za-z]+$/),
  params: z.record(z.string().max(200)).optional(),
});
export type Flash = z.infer<typeof FlashSchema>;

export async function flashHeader(flash: Flash): Promise<string> {
  return flashCookie.serialize(flash);
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const raw: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (raw === null || raw === undefined) return { flash: null, clear: null };
  const parsed = FlashSchema.safeParse(raw);
  return {
    flash: parsed.success ? parsed.data : null,
    clear: await flashCookie.serialize("", { maxAge: 0 }),
  };
}

/** Redirects and shows a message on the next page. */
export async function redirectWithFlash(to: string, flash: Flash, headers: HeadersInit = {}): Promise<Response> {
  const h = new Headers(headers);
  h.append("Set-Cookie", await flashHeader(flash));
  h.set("Location", to);
  return new Response(null, { status: 302, headers: h });
}
