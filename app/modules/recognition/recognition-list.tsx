import { Form, Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { Markdown } from "#app/components/markdown.tsx";
import { REACTION_EMOJI } from "#app/modules/stories/constants.ts";
import { useFormat } from "#app/utils/format.ts";
import type { RecognitionItem } from "./queries.server.ts";

type Behaviours = Record<string, { title: string; retired: boolean }>;

/**
 * Recognitions as cards: who thanked whom, for which behaviour, from what, and
 * the reactions. `reactTo` is the action that takes a reaction (none: read only).
 */
export function RecognitionList({
  items,
  behaviours,
  reactTo,
}: {
  items: RecognitionItem[];
  behaviours: Behaviours;
  reactTo?: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="recognition-list">
      {items.map((r) => {
        const recipients = [
          ...r.people.map((p) => p.name),
          ...r.departments.map((d) => t("recognition.theDepartment", { department: d.name })),
        ];
        return (
          <li key={r.id} className="card recognition">
            <p className="recognition__who">
              <strong>{r.authorName}</strong> {t("recognition.thanked")} <strong>{recipients.join(", ")}</strong>
            </p>
            <Markdown html={r.messageHtml} />
            <p className="muted">
              <span className="tag">{behaviours[r.behaviourId]?.title ?? "—"}</span>{" "}
              {r.story ? (
                <>
                  · {t("recognition.fromStory")} <Link to={`/stories/${r.story.id}`}>{r.story.title}</Link>{" "}
                </>
              ) : null}
              {r.shadowNoteId ? (
                <>
                  · <Link to={`/shadowing/notes/${r.shadowNoteId}`}>{t("recognition.fromNote")}</Link>{" "}
                </>
              ) : null}
              {r.improvement ? (
                <>
                  · {t("recognition.fromImprovement")}{" "}
                  <Link to={`/departments/${r.improvement.departmentSlug}/improvements/${r.improvement.id}`}>
                    {r.improvement.description}
                  </Link>{" "}
                </>
              ) : null}
              · <Link to={`/recognition/${r.id}`}>{format.date(r.createdAt)}</Link>
            </p>
            {r.hiddenReason ? (
              <p className="notice notice--warning">{t("recognition.hiddenBecause", { reason: r.hiddenReason })}</p>
            ) : null}
            <div className="reactions">
              {r.reactions.map((x) =>
                reactTo !== undefined ? (
                  <Form method="post" action={reactTo} key={x.kind} className="reaction">
                    <input type="hidden" name="intent" value="react" />
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="kind" value={x.kind} />
                    <button
                      type="submit"
                      className={x.mine ? "button button--small button--pressed" : "button button--small"}
                      aria-pressed={x.mine}
                      title={x.names.join(", ")}
                      aria-label={`${t(`stories.reactions.${x.kind}`)} · ${x.count}`}
                    >
                      <span aria-hidden="true">{REACTION_EMOJI[x.kind]}</span> {x.count}
                    </button>
                  </Form>
                ) : x.count ? (
                  <span key={x.kind} className="reaction" title={x.names.join(", ")}>
                    <span aria-hidden="true">{REACTION_EMOJI[x.kind]}</span>{" "}
                    <span className="visually-hidden">{t(`stories.reactions.${x.kind}`)}</span> {x.count}
                  </span>
                ) : null,
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
