import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FilterSelect } from "#app/components/fields.tsx";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartmentNames } from "#app/modules/departments/departments.server.ts";
import { CHANNELS } from "#app/modules/stories/constants.ts";
import { behaviourOptions, behaviourTags } from "#app/modules/stories/labels.server.ts";
import { listStories } from "#app/modules/stories/queries.server.ts";
import { FeedFiltersSchema } from "#app/modules/stories/schemas.server.ts";
import { StoryList } from "#app/modules/stories/story-card.tsx";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.stories.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = FeedFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : {};
  const [page, drafts, departments, behaviours, author] = await Promise.all([
    listStories(db, user, filters),
    listStories(db, user, {}, { onlyDrafts: true, authorId: user.id, limit: 10 }),
    listDepartmentNames(db),
    currentBehaviourOptions(db),
    filters.author
      ? db.selectFrom("users").select(["id", "name"]).where("id", "=", filters.author).executeTakeFirst()
      : undefined,
  ]);
  const tags = await behaviourTags(
    [...page.items, ...drafts.items].flatMap((s) => s.behaviourIds),
    locale,
  );
  return {
    stories: page.items,
    nextCursor: page.nextCursor,
    drafts: drafts.items,
    tags,
    invalidFilters: !parsed.success,
    author: author ?? null,
    filterOptions: {
      departments: sortByName(departments, locale).map((d) => ({ slug: d.slug, name: d.name })),
      behaviours: behaviourOptions(behaviours, locale),
    },
  };
}

export default function Stories() {
  const t = useT();
  const { stories, nextCursor, drafts, tags, filterOptions, invalidFilters, author } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const value = (name: string) => params.get(name) ?? "";
  const nextParams = new URLSearchParams(params);
  if (nextCursor) nextParams.set("cursor", nextCursor);
  const filtered = [...params.keys()].some((k) => k !== "cursor");
  return (
    <section aria-labelledby="stories-title">
      <div className="item-header">
        <h1 id="stories-title">{t("areas.stories.title")}</h1>
        <Link to="/stories/new" className="button button--primary">
          {t("stories.write")}
        </Link>
      </div>
      <p className="lead">{t("areas.stories.summary")}</p>
      <Form method="get" className="panel filters" role="search" aria-label={t("stories.filtersLabel")}>
        <div className="field">
          <label htmlFor="q">{t("stories.search")}</label>
          <input id="q" name="q" type="search" defaultValue={value("q")} maxLength={200} />
        </div>
        <div className="form-grid">
          <FilterSelect
            name="department"
            label={t("stories.fields.department")}
            value={value("department")}
            options={filterOptions.departments.map((d) => ({ value: d.slug, label: d.name }))}
          />
          <FilterSelect
            name="channel"
            label={t("stories.fields.channel")}
            value={value("channel")}
            options={CHANNELS.map((c) => ({ value: c, label: t(`stories.channels.${c}`) }))}
          />
          <FilterSelect
            name="behaviour"
            label={t("stories.behaviour")}
            value={value("behaviour")}
            options={filterOptions.behaviours.map((b) => ({ value: b.id, label: b.title }))}
          />
          {author ? (
            <div className="field">
              <label htmlFor="f-author">{t("stories.author")}</label>
              <select id="f-author" name="author" defaultValue={author.id}>
                <option value="">{t("stories.all")}</option>
                <option value={author.id}>{author.name}</option>
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="f-from">{t("stories.from")}</label>
            <input id="f-from" name="from" type="date" defaultValue={value("from")} />
          </div>
          <div className="field">
            <label htmlFor="f-to">{t("stories.to")}</label>
            <input id="f-to" name="to" type="date" defaultValue={value("to")} />
          </div>
        </div>
        <div className="toolbar">
          <button type="submit" className="button">
            {t("stories.apply")}
          </button>
          {filtered ? (
            <Link to="/stories" className="button">
              {t("stories.clear")}
            </Link>
          ) : null}
        </div>
        {invalidFilters ? <p className="field-errors">{t("stories.invalidFilters")}</p> : null}
      </Form>
      {drafts.length ? (
        <section aria-labelledby="drafts-title" className="panel">
          <h2 id="drafts-title">{t("stories.yourDrafts")}</h2>
          <ul className="plain-list">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/stories/${d.id}/edit`}>{d.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {stories.length === 0 ? (
        <p className="notice">{filtered ? t("stories.noMatches") : t("stories.none")}</p>
      ) : (
        <StoryList stories={stories} tags={tags} />
      )}
      {nextCursor ? (
        <p>
          <Link to={`/stories?${nextParams}`} className="button">
            {t("stories.more")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
