/**
 * The parts of a review's agenda, read from an `Agenda` (live while the review
 * is open, stored once it is finished). The decision forms are the page's own.
 */
import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { KpiCard } from "#app/modules/kpis/kpi-card.tsx";
import { useKpiFormat } from "#app/modules/kpis/kpi-format.ts";
import { useFormat } from "#app/utils/format.ts";
import type { Agenda, AgendaItem, AgendaStory, Movement } from "./agenda.server.ts";

export function ItemLine({ item, slug }: { item: AgendaItem; slug: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <Link to={`/departments/${slug}/improvements/${item.id}`}>{item.description}</Link>{" "}
      <span className={`status status--${item.status}`}>{t(`shadowing.status.${item.status}`)}</span>
      {item.touchpoint ? <span className="muted"> · {item.touchpoint}</span> : null}
      {item.ownerName ? <span className="muted"> · {t("shadowing.owner", { name: item.ownerName })}</span> : null}
      {item.dueOn && item.status !== "done" ? (
        <span className="muted"> · {t("shadowing.due", { date: format.date(item.dueOn) })}</span>
      ) : null}
    </>
  );
}

/** The previous review's decisions as they stand, and the wins since with their KPI movement. */
export function FollowUp({ agenda, slug }: { agenda: Agenda; slug: string }) {
  const t = useT();
  const format = useFormat();
  const { previous, wins } = agenda;
  return (
    <section aria-labelledby="follow-up-title" className="panel">
      <h2 id="follow-up-title">{t("reviews.followUp")}</h2>
      {previous ? (
        <>
          <p>
            <Link to={`/departments/${slug}/reviews/${previous.id}`}>
              {t("reviews.previousReview", {
                start: format.date(previous.periodStart),
                end: format.date(previous.periodEnd),
              })}
            </Link>
          </p>
          {previous.decisions.length ? (
            <ul className="plain-list">
              {previous.decisions.map((item) => (
                <li key={item.id}>
                  <ItemLine item={item} slug={slug} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("reviews.previousNoDecisions")}</p>
          )}
        </>
      ) : (
        <p className="muted">{t("reviews.firstReview")}</p>
      )}
      <h3>{t("reviews.wins")}</h3>
      {wins.length ? (
        <ul className="win-list">
          {wins.map(({ item, movements }) => (
            <li key={item.id} className="win">
              <p>
                <span aria-hidden="true">🎉 </span>
                <ItemLine item={item} slug={slug} />
                {item.doneAt ? <span className="muted"> · {format.date(item.doneAt)}</span> : null}
              </p>
              {movements.length ? (
                <MovementTable movements={movements} />
              ) : (
                <p className="muted">{t("reviews.noMovement")}</p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("reviews.noWins")}</p>
      )}
    </section>
  );
}

export function KpiSection({ agenda, slug }: { agenda: Agenda; slug: string }) {
  const t = useT();
  return (
    <section aria-labelledby="kpis-title" className="panel">
      <h2 id="kpis-title">{t("reviews.kpis")}</h2>
      {agenda.kpis.length ? (
        <>
          <p className="muted">{t("reviews.kpisLead")}</p>
          <div className="kpi-grid">
            {agenda.kpis.map((p) => (
              <KpiCard
                key={p.kpi.id}
                kpi={p.kpi}
                summary={p.summary}
                period={p.period}
                href={`/departments/${slug}/kpis/${p.kpi.key}`}
                headingLevel={3}
              />
            ))}
          </div>
        </>
      ) : (
        <p className="muted">
          {t("reviews.noKpis")} <Link to={`/departments/${slug}/kpis`}>{t("areas.kpis.title")}</Link>
        </p>
      )}
    </section>
  );
}

function StoryItems({ stories }: { stories: AgendaStory[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="plain-list">
      {stories.map((s) => (
        <li key={s.id}>
          <Link to={`/stories/${s.id}`}>{s.title}</Link>
          <span className="muted">
            {" "}
            · {s.authorName} · {t(`stories.channels.${s.channel}`)} · {format.date(s.happenedOn)}
          </span>
          {s.consent === "internal_only" ? <span className="tag"> {t("stories.consents.internal_only")}</span> : null}
          <p className="muted">{s.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}

export function StoriesSection({ agenda, slug }: { agenda: Agenda; slug: string }) {
  const t = useT();
  const { featured, newest, published } = agenda.stories;
  return (
    <section aria-labelledby="stories-title" className="panel">
      <h2 id="stories-title">{t("reviews.stories")}</h2>
      <p className="muted">{t("reviews.storiesCount", { count: published })}</p>
      <h3>{t("reviews.featured")}</h3>
      {featured.length ? <StoryItems stories={featured} /> : <p className="muted">{t("reviews.noFeatured")}</p>}
      <h3>{t("reviews.newest")}</h3>
      {newest.length ? (
        <StoryItems stories={newest} />
      ) : (
        <p className="muted">
          {t("reviews.noStories")} <Link to={`/stories?department=${slug}`}>{t("areas.stories.title")}</Link>
        </p>
      )}
    </section>
  );
}

export function ShadowingSection({ agenda, slug }: { agenda: Agenda; slug: string }) {
  const t = useT();
  const format = useFormat();
  const { sessions, notes, reasons, ideas } = agenda.shadowing;
  return (
    <section aria-labelledby="shadowing-title" className="panel">
      <h2 id="shadowing-title">{t("reviews.shadowing")}</h2>
      <p>{t("reviews.shadowingCounts", { sessions, notes: notes.length, ideas })}</p>
      <h3>{t("reviews.topReasons")}</h3>
      {reasons.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">{t("reviews.topReasons")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reviews.reason")}</th>
              <th scope="col">{t("reviews.times")}</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>
                  <span
                    className="bar"
                    style={{ width: `${(r.count / reasons[0]!.count) * 8}em` }}
                    aria-hidden="true"
                  />{" "}
                  {format.number(r.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("reviews.noReasons")}</p>
      )}
      <h3>{t("reviews.notes")}</h3>
      {notes.length ? (
        <ul className="plain-list">
          {notes.map((n) => (
            <li key={n.id}>
              <Link to={`/shadowing/notes/${n.id}`}>
                {t("reviews.noteBy", { name: n.authorName, department: n.authorDepartment ?? "—" })}
              </Link>
              <span className="muted"> · {format.date(n.submittedAt)}</span>
              {n.wentWell ? (
                <p>
                  <strong>{t("shadowing.fields.wentWell")}:</strong> {n.wentWell.slice(0, 200)}
                </p>
              ) : null}
              {n.painPoints ? (
                <p>
                  <strong>{t("shadowing.fields.painPoints")}:</strong> {n.painPoints.slice(0, 200)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {t("reviews.noShadowNotes")} <Link to={`/departments/${slug}/shadowing`}>{t("areas.shadowing.title")}</Link>
        </p>
      )}
    </section>
  );
}

/** A department's KPIs before an improvement was chosen and now. */
export function MovementTable({ movements }: { movements: Movement[] }) {
  const t = useT();
  const kpiFormat = useKpiFormat();
  return (
    <table className="table table--compact">
      <caption>{t("reviews.movementCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("reviews.kpi")}</th>
          <th scope="col">{t("reviews.before")}</th>
          <th scope="col">{t("reviews.after")}</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((m) => (
          <tr key={m.kpiId}>
            <th scope="row">{m.name}</th>
            <td>{m.before === null ? "—" : kpiFormat.value(m.unit, m.before)}</td>
            <td>
              {m.after === null ? "—" : kpiFormat.value(m.unit, m.after)}{" "}
              {m.improved ? (
                <span className="change change--better">{t("reviews.better")}</span>
              ) : m.worsened ? (
                <span className="change change--worse">{t("reviews.worse")}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
