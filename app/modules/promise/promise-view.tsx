import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { Markdown } from "#app/components/markdown.tsx";
import type { LocalizedText } from "./model.ts";
import type { ReadablePromise } from "./readable.server.ts";

/** Marks a text shown in its original language because the reader's translation is missing. */
export function Fallback({ text }: { text: LocalizedText }) {
  const t = useT();
  if (!text.fallback) return null;
  return <span className="badge badge--muted">{t("promise.untranslated")}</span>;
}

/** The promise in full: pillars, their behaviours and what each looks like. */
export function PromiseView({ promise, headingLevel = 1 }: { promise: ReadablePromise; headingLevel?: 1 | 2 }) {
  const t = useT();
  const Title = headingLevel === 1 ? "h1" : "h2";
  const PillarTitle = headingLevel === 1 ? "h2" : "h3";
  const BehaviourTitle = headingLevel === 1 ? "h3" : "h4";
  return (
    <article className="promise" lang={promise.title.fallback ? promise.sourceLocale : undefined}>
      <Title>
        {promise.title.text} <Fallback text={promise.title} />
      </Title>
      <Markdown className="lead" html={promise.intro.html} />
      <ol className="pillars">
        {promise.pillars.map((pillar) => (
          <li key={pillar.id} className="pillar">
            <PillarTitle>
              {pillar.title.text} <Fallback text={pillar.title} />
            </PillarTitle>
            <Markdown html={pillar.body.html} />
            <ul className="behaviours" aria-label={t("promise.behavioursOf", { pillar: pillar.title.text })}>
              {pillar.behaviours.map((b) => (
                <li key={b.id} className="behaviour">
                  <BehaviourTitle>
                    <Link to={`/behaviours/${b.behaviourId}`}>{b.title.text}</Link> <Fallback text={b.title} />
                  </BehaviourTitle>
                  <Markdown html={b.description.html} />
                  {b.examples.text ? (
                    <details className="examples">
                      <summary>{t("promise.whatItLooksLike")}</summary>
                      <Markdown html={b.examples.html} />
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
