import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listNotifications, markNotificationsRead } from "#app/modules/notifications/notifications.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  return { notifications: await listNotifications(getDb(), user.id), me: user.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  await markNotificationsRead(getDb(), user.id);
  return redirectWithFlash("/notifications", { key: "flash.notificationsRead" });
}

const KNOWN = [
  "story.named",
  "story.reaction",
  "story.comment",
  "review.finished",
  "recognition.received",
  "cycle.opened",
  "preparation.discussed",
];

export default function Notifications() {
  const t = useT();
  const format = useFormat();
  const { notifications, me } = useLoaderData<typeof loader>();
  const unread = notifications.some((n) => !n.read_at);
  return (
    <section aria-labelledby="notifications-title">
      <div className="item-header">
        <h1 id="notifications-title">{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <button type="submit" className="button">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="notice">{t("notifications.none")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.read_at ? "notification" : "notification notification--unread"}>
              {n.read_at ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
              {t(`notifications.kinds.${KNOWN.includes(n.kind) ? n.kind.replace(".", "_") : "other"}`, {
                name: n.actor_name ?? "—",
              })}{" "}
              {n.story_id ? <Link to={`/stories/${n.story_id}`}>{n.story_title}</Link> : null}
              {n.recognition_id ? (
                <Link to={`/recognition/${n.recognition_id}`}>
                  {t("recognition.oneTitle", { name: n.actor_name ?? "—" })}
                </Link>
              ) : null}
              {n.review_id ? (
                <Link to={`/departments/${n.review_department_slug}/reviews/${n.review_id}`}>
                  {t("reviews.heading", {
                    department: n.review_department_name,
                    period: t("reviews.periodText", {
                      start: format.date(n.review_period_start!),
                      end: format.date(n.review_period_end!),
                    }),
                  })}
                </Link>
              ) : null}
              {n.cycle_id ? (
                <Link to={`/review-cycles/${n.cycle_id}/people/${me}`}>
                  {t("performance.preparationTitle", { cycle: n.cycle_name })}
                </Link>
              ) : null}
              <span className="muted"> · {format.dateTime(n.created_at)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
