import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { Markdown } from "#app/components/markdown.tsx";
import { rich } from "#app/components/markdown.server.tsx";
import { localize } from "#app/modules/promise/model.ts";
import { Fallback } from "#app/modules/promise/promise-view.tsx";
import { getBehaviourHistory } from "#app/modules/promise/queries.server.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { listStories } from "#app/modules/stories/queries.server.ts";
import { StoryList } from "#app/modules/stories/story-card.tsx";
import { recognitionPanel } from "#app/modules/recognition/panel.server.ts";
import { RecognitionPanel } from "#app/modules/recognition/recognition-panel.tsx";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.behaviour");

/** One behaviour, in its newest published wording, with the versions it appeared in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const id = UuidSchema.safeParse(params.id);
  const history = id.success ? await getBehaviourHistory(getDb(), id.data) : undefined;
  const latest = history?.appearances[0];
  assertFound(latest);
  const locale = await resolveLocale(request, user.locale);
  const [stories, recognition] = await Promise.all([
    listStories(getDb(), user, {}, { behaviourId: id.data, limit: 20 }),
    recognitionPanel({ viewerId: user.id, behaviourId: id.data }, locale),
  ]);
  const text = (original: string, translations: typeof latest.translations, field: string) =>
    localize(original, translations, field, locale, latest.source_locale, sourceHash(original));
  return {
    behaviour: {
      title: text(latest.title, latest.translations, "title"),
      description: rich(text(latest.description, latest.translations, "description")),
      examples: rich(text(latest.examples, latest.translations, "examples")),
      pillar: text(latest.pillar_title, latest.pillar_translations, "title"),
      retiredAt: history!.retiredAt,
      versions: history!.appearances.map((a) => a.number!),
    },
    stories: stories.items,
    recognition,
    behaviourId: id.data!,
    tags: await behaviourTags(
      stories.items.flatMap((s) => s.behaviourIds),
      locale,
    ),
  };
}

export default function BehaviourPage() {
  const t = useT();
  const format = useFormat();
  const { behaviour, stories, tags, recognition, behaviourId } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="behaviour-title">
      <p className="breadcrumb">
        <Link to="/promise">{t("areas.promise.title")}</Link> · {behaviour.pillar.text}
      </p>
      <h1 id="behaviour-title">
        {behaviour.title.text} <Fallback text={behaviour.title} />
      </h1>
      {behaviour.retiredAt ? (
        <p className="notice">{t("promise.retiredOn", { date: format.date(behaviour.retiredAt) })}</p>
      ) : null}
      <Markdown className="lead" html={behaviour.description.html} />
      {behaviour.examples.text ? (
        <section aria-labelledby="examples-title" className="panel">
          <h2 id="examples-title">{t("promise.whatItLooksLike")}</h2>
          <Markdown html={behaviour.examples.html} />
        </section>
      ) : null}
      <p className="muted">{t("promise.inVersions", { versions: behaviour.versions.slice().reverse().join(", ") })}</p>
      <section aria-labelledby="tagged-title">
        <h2 id="tagged-title">{t("promise.taggedTitle")}</h2>
        {stories.length ? (
          <StoryList stories={stories} tags={tags} />
        ) : (
          <p className="notice">{t("promise.taggedEmpty")}</p>
        )}
      </section>
      <RecognitionPanel
        id="recognition-title"
        title={t("areas.recognition.title")}
        panel={recognition}
        more={`/recognition?behaviour=${behaviourId}`}
      />
    </section>
  );
}
