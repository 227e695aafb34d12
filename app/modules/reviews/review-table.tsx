import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { useFormat } from "#app/utils/format.ts";
import type { ReviewListItem } from "./queries.server.ts";

/** Reviews as a table: period (linked), department, status, decisions. */
export function ReviewTable({ reviews, showDepartment }: { reviews: ReviewListItem[]; showDepartment: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <table className="table">
      <caption className="visually-hidden">{t("areas.reviews.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("reviews.period")}</th>
          {showDepartment ? <th scope="col">{t("stories.fields.department")}</th> : null}
          <th scope="col">{t("kpis.statusLabel")}</th>
          <th scope="col">{t("reviews.decisions")}</th>
          <th scope="col">{t("reviews.startedBy")}</th>
        </tr>
      </thead>
      <tbody>
        {reviews.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/departments/${r.departmentSlug}/reviews/${r.id}`}>
                {t("reviews.periodText", { start: format.date(r.periodStart), end: format.date(r.periodEnd) })}
              </Link>
            </td>
            {showDepartment ? <td>{r.departmentName}</td> : null}
            <td>
              <span className={`status status--${r.status}`}>{t(`reviews.status.${r.status}`)}</span>
              {r.finishedAt ? <span className="muted"> · {format.date(r.finishedAt)}</span> : null}
            </td>
            <td>{format.number(r.decisions)}</td>
            <td>{r.startedBy ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
