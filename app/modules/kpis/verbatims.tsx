import { useT } from "#app/i18n/use-t.ts";
import { useFormat } from "#app/utils/format.ts";
import type { SurveyKind } from "./constants.ts";
import { classifyScore } from "./formulas.ts";

interface VerbatimItem {
  id: number;
  kind: SurveyKind;
  score: number;
  channel: string | null;
  comment: string;
  respondedAt: Date | string;
}

/** What customers wrote beside their scores, newest first. */
export function Verbatims({ items }: { items: VerbatimItem[] }) {
  const t = useT();
  const format = useFormat();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="verbatims-title" className="panel">
      <h2 id="verbatims-title">{t("kpis.verbatims")}</h2>
      <ul className="verbatims">
        {items.map((v) => (
          <li key={v.id}>
            <blockquote>{v.comment}</blockquote>
            <p className="muted">
              <span className={`badge score score--${classifyScore(v.kind, v.score)}`}>
                {t("kpis.scoreOf", { kind: t(`kpis.kinds.${v.kind}`), score: v.score })}
              </span>{" "}
              {v.channel ? `${t(`stories.channels.${v.channel}`)} · ` : null}
              {format.dateTime(v.respondedAt)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
