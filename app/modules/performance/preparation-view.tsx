/** The evidence and the prompts of a preparation page (live, or as stored when discussed). */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { MovementTable } from "#app/modules/reviews/agenda-view.tsx";
import { useFormat } from "#app/utils/format.ts";
import type { Evidence } from "./evidence.ts";
import type { RenderedPrompt } from "./view.server.ts";

type Behaviours = Record<string, string>;

function EvidenceList<T>({
  title,
  items,
  total,
  render,
}: {
  title: string;
  items: T[];
  total: number;
  render: (item: T) => ReactNode;
}) {
  const t = useT();
  return (
    <div className="evidence-group">
      <h3>{title}</h3>
      {items.length ? (
        <ul className="plain-list">
          {items.map(render)}
          {total > items.length ? (
            <li className="muted">{t("performance.moreNotListed", { count: total - items.length })}</li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">{t("performance.noneInPeriod")}</p>
      )}
    </div>
  );
}

function BehaviourNames({ ids, behaviours }: { ids: string[]; behaviours: Behaviours }) {
  const names = ids.map((id) => behaviours[id]).filter(Boolean);
  return names.length ? (
    <span className="tags">
      {names.map((name) => (
        <span key={name} className="tag">
          {name}
        </span>
      ))}
    </span>
  ) : null;
}

export function EvidenceSection({ evidence, behaviours }: { evidence: Evidence; behaviours: Behaviours }) {
  const t = useT();
  const format = useFormat();
  const c = evidence.counts;
  return (
    <section aria-labelledby="evidence-title" className="panel">
      <h2 id="evidence-title">{t("performance.evidenceTitle")}</h2>
      <p className="muted">
        {t("performance.evidenceLead", {
          start: format.date(evidence.periodStart),
          end: format.date(evidence.periodEnd),
        })}
      </p>
      <div className="evidence-grid">
        <EvidenceList
          title={t("performance.storiesWritten", { count: c.storiesWritten })}
          items={evidence.storiesWritten}
          total={c.storiesWritten}
          render={(s) => (
            <li key={s.id}>
              <Link to={`/stories/${s.id}`}>{s.title}</Link>{" "}
              <span className="muted">
                {format.date(s.happenedOn)}
                {s.featured ? ` · ${t("performance.featured")}` : ""}
              </span>{" "}
              <BehaviourNames ids={s.behaviourIds} behaviours={behaviours} />
            </li>
          )}
        />
        <EvidenceList
          title={t("performance.storiesNamed", { count: c.storiesNamed })}
          items={evidence.storiesNamed}
          total={c.storiesNamed}
          render={(s) => (
            <li key={s.id}>
              <Link to={`/stories/${s.id}`}>{s.title}</Link>{" "}
              <span className="muted">
                {t("performance.byAuthor", { name: s.authorName })} · {format.date(s.happenedOn)}
              </span>
            </li>
          )}
        />
        <EvidenceList
          title={t("performance.recognitionReceived", { count: c.recognitionReceived })}
          items={evidence.recognitionReceived}
          total={c.recognitionReceived}
          render={(r) => (
            <li key={r.id}>
              <Link to={`/recognition/${r.id}`}>{r.excerpt}</Link>{" "}
              <span className="muted">
                {t("performance.fromAuthor", { name: r.authorName })} · {format.date(r.createdAt)}
              </span>{" "}
              <BehaviourNames ids={[r.behaviourId]} behaviours={behaviours} />
            </li>
          )}
        />
        <EvidenceList
          title={t("performance.recognitionGiven", { count: c.recognitionGiven })}
          items={evidence.recognitionGiven}
          total={c.recognitionGiven}
          render={(r) => (
            <li key={r.id}>
              <Link to={`/recognition/${r.id}`}>{r.excerpt}</Link>{" "}
              <span className="muted">
                {t("performance.toRecipients", { names: r.recipients })} · {format.date(r.createdAt)}
              </span>
            </li>
          )}
        />
        <EvidenceList
          title={t("performance.shadowingDone", { count: c.shadowingDone })}
          items={evidence.shadowingDone}
          total={c.shadowingDone}
          render={(s) => (
            <li key={s.slotId}>
              {t("performance.listenedInAt", { department: s.departmentName, date: format.date(s.startsAt) })}
              {" · "}
              {s.noteId ? (
                <Link to={`/shadowing/notes/${s.noteId}`}>{t("performance.readNote")}</Link>
              ) : (
                <span className="muted">{t("performance.noNote")}</span>
              )}
            </li>
          )}
        />
        <EvidenceList
          title={t("performance.shadowingHosted", { count: c.shadowingHosted })}
          items={evidence.shadowingHosted}
          total={c.shadowingHosted}
          render={(s) => (
            <li key={s.slotId}>{t("performance.observers", { count: s.observers, date: format.date(s.startsAt) })}</li>
          )}
        />
      </div>
      <EvidenceList
        title={t("performance.improvements", { count: c.improvements })}
        items={evidence.improvements}
        total={c.improvements}
        render={(i) => (
          <li key={i.id}>
            <Link to={`/departments/${i.departmentSlug}/improvements/${i.id}`}>{i.description}</Link>{" "}
            <span className={`status status--${i.status}`}>{t(`shadowing.status.${i.status}`)}</span>{" "}
            <span className="muted">{i.departmentName}</span>
            {i.movements.length ? <MovementTable movements={i.movements} /> : null}
          </li>
        )}
      />
      <div className="evidence-group">
        <h3>{t("performance.behaviours")}</h3>
        {evidence.behaviours.length ? (
          <ul className="tags">
            {evidence.behaviours.map((b) => (
              <li key={b.id} className="tag">
                {t("performance.behaviourCount", { behaviour: behaviours[b.id] ?? "—", count: b.count })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("performance.noneInPeriod")}</p>
        )}
      </div>
    </section>
  );
}

export function PromptList({ prompts }: { prompts: RenderedPrompt[] }) {
  const t = useT();
  return (
    <section aria-labelledby="prompts-title" className="panel">
      <h2 id="prompts-title">{t("performance.promptsTitle")}</h2>
      <p className="muted">{t("performance.promptsLead")}</p>
      <ol className="prompt-list">
        {prompts.map((p) => (
          <li key={p.rule} className="prompt">
            <p>{p.text}</p>
            {p.source ? (
              <p className="muted">
                {t("performance.basedOn")}{" "}
                <Link to={p.source.href}>{p.source.title ?? t(`performance.sources.${p.source.kind}`)}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
