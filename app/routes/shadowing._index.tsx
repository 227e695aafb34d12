import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { listHostedSlots, listMySessions, listUpcomingSlots } from "#app/modules/shadowing/queries.server.ts";
import { SlotList } from "#app/modules/shadowing/slot-list.tsx";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.shadowing.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const now = new Date();
  const [slots, sessions, hosted] = await Promise.all([
    listUpcomingSlots(db, { readerId: user.id, now }),
    listMySessions(db, { userId: user.id }),
    listHostedSlots(db, { userId: user.id, now }),
  ]);
  return {
    // The slots the reader may book: other departments' (everyone's for leaders and admins).
    bookable: slots.filter(
      (s) =>
        !s.mine && s.booked < s.capacity && can(user, "shadowing:book", { id: s.departmentId, name: s.departmentName }),
    ),
    upcoming: sessions.filter((s) => !s.cancelledAt && new Date(s.startsAt) > now),
    past: sessions.filter((s) => !s.cancelledAt && new Date(s.startsAt) <= now),
    hosted,
    hosting: user.departments.filter((d) => d.isManager).map((d) => ({ slug: d.slug, name: d.name })),
  };
}

export default function Shadowing() {
  const t = useT();
  const format = useFormat();
  const { bookable, upcoming, past, hosted, hosting } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="shadowing-title">
      <h1 id="shadowing-title">{t("areas.shadowing.title")}</h1>
      <p className="lead">{t("shadowing.lead")}</p>
      {hosting.length ? (
        <p className="actions">
          {hosting.map((d) => (
            <Link key={d.slug} className="button" to={`/departments/${d.slug}/shadowing`}>
              {t("shadowing.hostFor", { department: d.name })}
            </Link>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="upcoming-title" className="panel">
        <h2 id="upcoming-title">{t("shadowing.yourUpcoming")}</h2>
        {upcoming.length ? (
          <ul className="slot-list">
            {upcoming.map((s) => (
              <li key={s.slotId} className="slot">
                <Link to={`/shadowing/slots/${s.slotId}`} className="slot__when">
                  {format.dateTime(s.startsAt)}
                </Link>
                <span>
                  {s.departmentName} · {t(`stories.channels.${s.channel}`)} ·{" "}
                  {t("shadowing.minutes", { count: s.minutes })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("shadowing.noUpcoming")}</p>
        )}
      </section>
      {hosted.length ? (
        <section aria-labelledby="hosted-title" className="panel">
          <h2 id="hosted-title">{t("shadowing.youAreHost")}</h2>
          <SlotList slots={hosted} />
        </section>
      ) : null}
      <section aria-labelledby="book-title" className="panel">
        <h2 id="book-title">{t("shadowing.bookTitle")}</h2>
        {bookable.length ? <SlotList slots={bookable} /> : <p className="muted">{t("shadowing.noSlots")}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="past-title" className="panel">
          <h2 id="past-title">{t("shadowing.yourPast")}</h2>
          <ul className="slot-list">
            {past.map((s) => (
              <li key={s.slotId} className="slot">
                <span className="slot__when">{format.dateTime(s.startsAt)}</span>
                <span>{s.departmentName}</span>
                {s.noteStatus === "submitted" ? (
                  <Link to={`/shadowing/notes/${s.noteId}`}>{t("shadowing.readNote")}</Link>
                ) : (
                  <Link to={`/shadowing/slots/${s.slotId}/note`} className="button button--small">
                    {s.noteStatus === "draft" ? t("shadowing.finishNote") : t("shadowing.writeNote")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
