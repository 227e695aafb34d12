import { getEnv } from "#app/env.server.ts";
import { logger } from "#app/logger.server.ts";
import { invitationPath } from "./invitations.server.ts";

/**
 * The full invitation link. No mail server is configured yet, so the link is
 * shown to the admin and written to the log as the "outbox" line.
 */
export function deliverInvitationLink(request: Request, email: string, token: string): string {
  const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const link = `${origin}${invitationPath(token)}`;
  logger.info({ to: email, link }, "invitation outbox (no mail server configured): send this link to the person");
  return link;
}
