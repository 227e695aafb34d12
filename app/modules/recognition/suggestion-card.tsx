import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { useFormat } from "#app/utils/format.ts";
import type { Suggestion } from "./queries.server.ts";

/**
 * Something a manager could celebrate, ready to send in one click: the message
 * and behaviour are filled in and can be changed first. Nothing is sent unless
 * the manager sends it.
 */
export function SuggestionCard({
  suggestion: s,
  behaviours,
}: {
  suggestion: Suggestion;
  behaviours: { id: string; title: string }[];
}) {
  const t = useT();
  const format = useFormat();
  const key = s.kind === "kpi" ? `${s.kpiId}-${s.periodStart}` : s.improvementId;
  const message =
    s.kind === "kpi"
      ? t("recognition.suggestedKpiMessage", {
          department: s.departmentName,
          kpi: s.kpiName,
          period: format.date(s.periodStart),
        })
      : t("recognition.suggestedImprovementMessage", { department: s.departmentName, improvement: s.description });
  return (
    <Form method="post" action="/recognition/new" className="card suggestion">
      <p>
        <strong>
          {s.kind === "kpi"
            ? t("recognition.kpiBackOnTarget", { kpi: s.kpiName, department: s.departmentName })
            : t("recognition.improvementDone", { improvement: s.description, department: s.departmentName })}
        </strong>
      </p>
      <input type="hidden" name="departments" value={s.departmentId} />
      {s.kind === "improvement" ? (
        <>
          <input type="hidden" name="improvementId" value={s.improvementId} />
          {s.ownerId ? <input type="hidden" name="people" value={s.ownerId} /> : null}
        </>
      ) : (
        <>
          <input type="hidden" name="kpiId" value={s.kpiId} />
          <input type="hidden" name="kpiPeriodStart" value={s.periodStart} />
        </>
      )}
      <div className="field">
        <label htmlFor={`message-${key}`}>{t("recognition.message")}</label>
        <textarea id={`message-${key}`} name="message" rows={2} defaultValue={message} required maxLength={2000} />
      </div>
      <div className="field">
        <label htmlFor={`behaviour-${key}`}>{t("recognition.behaviour")}</label>
        <select id={`behaviour-${key}`} name="behaviourId" defaultValue={behaviours[0]?.id}>
          {behaviours.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        {s.kind === "improvement" && s.ownerName
          ? t("recognition.toDepartmentAndOwner", { department: s.departmentName, owner: s.ownerName })
          : t("recognition.toDepartment", { department: s.departmentName })}
      </p>
      <button type="submit" className="button button--primary">
        {t("recognition.send")}
      </button>
    </Form>
  );
}
