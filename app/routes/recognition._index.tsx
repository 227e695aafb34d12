import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FilterSelect } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug, listDepartmentNames } from "#app/modules/departments/departments.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { toggleRecognitionReaction } from "#app/modules/recognition/commands.server.ts";
import { RECOGNITION_LIMITS } from "#app/modules/recognition/constants.ts";
import { listRecognitions, recognitionSuggestions } from "#app/modules/recognition/queries.server.ts";
import { RecognitionList } from "#app/modules/recognition/recognition-list.tsx";
import { WallFiltersSchema } from "#app/modules/recognition/schemas.ts";
import { SuggestionCard } from "#app/modules/recognition/suggestion-card.tsx";
import { behaviourOptions, behaviourTags } from "#app/modules/stories/labels.server.ts";
import { ReactionSchema, today } from "#app/modules/stories/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";
import { z } from "zod";

export const meta = titled("areas.recognition.title");

/** `before` is "<ISO time>_<id>" of the last item shown. */
function parseCursor(value: string | undefined) {
  const [at, id] = (value ?? "").split("_");
  const createdAt = new Date(at ?? "");
  return Number.isNaN(createdAt.getTime()) || !UuidSchema.safeParse(id).success ? undefined : { createdAt, id: id! };
}

/** The recognition wall: everyone reads and reacts; managers see what their departments could be thanked for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = WallFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : {};
  const department = filters.department ? await getDepartmentBySlug(db, filters.department) : undefined;
  const managed = user.departments.filter((d) => d.isManager);
  const [items, departments, behaviours, suggestions] = await Promise.all([
    filters.department && !department
      ? Promise.resolve([])
      : listRecognitions(db, {
          viewerId: user.id,
          departmentId: department?.id,
          behaviourId: filters.behaviour,
          months: filters.months,
          before: parseCursor(filters.before),
          limit: RECOGNITION_LIMITS.pageSize + 1,
        }),
    listDepartmentNames(db),
    currentBehaviourOptions(db),
    recognitionSuggestions(db, { departments: managed, today: today() }),
  ]);
  const page = items.slice(0, RECOGNITION_LIMITS.pageSize);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > page.length && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
    behaviours: await behaviourTags(
      page.map((r) => r.behaviourId),
      locale,
    ),
    invalidFilters: !parsed.success,
    suggestions,
    behaviourChoices: behaviourOptions(behaviours, locale),
    canSeeFigures: can(user, "recognition:figures", undefined),
    filterOptions: {
      departments: sortByName(departments, locale).map((d) => ({ slug: d.slug, name: d.name })),
    },
  };
}

const ReactSchema = ReactionSchema.extend({ id: UuidSchema, intent: z.literal("react") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const outcome = await handleSubmission(await request.formData(), ReactSchema, async ({ id, kind }) => {
    const found = await getDb()
      .selectFrom("recognitions")
      .select("id")
      .where("id", "=", id)
      .where("hidden_at", "is", null)
      .executeTakeFirst();
    if (!found) return null;
    return toggleRecognitionReaction(getDb(), { userId: user.id, id, kind });
  });
  if (!outcome.ok) return outcome.response;
  if (outcome.value === null) throw new Response("Not found", { status: 404 });
  return redirectWithFlash(`/recognition#recognition-title`, {
    key: `flash.reaction${outcome.value === "added" ? "Added" : "Removed"}`,
  });
}

export default function RecognitionWall() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const value = (name: string) => params.get(name) ?? "";
  const nextParams = new URLSearchParams(params);
  if (data.nextCursor) nextParams.set("before", data.nextCursor);
  const filtered = [...params.keys()].some((k) => k !== "before");
  return (
    <section aria-labelledby="recognition-title">
      <div className="item-header">
        <h1 id="recognition-title">{t("areas.recognition.title")}</h1>
        <p className="actions">
          {data.canSeeFigures ? (
            <Link to="/recognition/figures" className="button">
              {t("recognition.figuresTitle")}
            </Link>
          ) : null}
          <Link to="/recognition/new" className="button button--primary">
            {t("recognition.give")}
          </Link>
        </p>
      </div>
      <p className="lead">{t("areas.recognition.summary")}</p>
      {data.suggestions.length ? (
        <section aria-labelledby="suggestions-title" className="panel">
          <h2 id="suggestions-title">{t("recognition.suggestionsTitle")}</h2>
          <p className="muted">{t("recognition.suggestionsLead")}</p>
          {data.suggestions.map((s) => (
            <SuggestionCard
              key={s.kind === "kpi" ? `${s.kpiId}-${s.periodStart}` : s.improvementId}
              suggestion={s}
              behaviours={data.behaviourChoices}
            />
          ))}
        </section>
      ) : null}
      <Form method="get" className="panel filters" role="search" aria-label={t("recognition.filtersLabel")}>
        <div className="form-grid">
          <FilterSelect
            name="department"
            label={t("stories.fields.department")}
            value={value("department")}
            options={data.filterOptions.departments.map((d) => ({ value: d.slug, label: d.name }))}
          />
          <FilterSelect
            name="behaviour"
            label={t("stories.behaviour")}
            value={value("behaviour")}
            options={data.behaviourChoices.map((b) => ({ value: b.id, label: b.title }))}
          />
          <div className="field">
            <label htmlFor="f-months">{t("recognition.period")}</label>
            <select id="f-months" name="months" defaultValue={value("months")}>
              <option value="">{t("recognition.allTime")}</option>
              {[1, 3, 6, 12].map((m) => (
                <option key={m} value={m}>
                  {t("recognition.lastMonths", { count: m })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="toolbar">
          <button type="submit" className="button">
            {t("recognition.apply")}
          </button>
          {filtered ? (
            <Link to="/recognition" className="button">
              {t("stories.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {data.invalidFilters ? <p className="notice notice--warning">{t("stories.invalidFilters")}</p> : null}
      {data.items.length ? (
        <RecognitionList items={data.items} behaviours={data.behaviours} reactTo="/recognition" />
      ) : (
        <p className="notice">{filtered ? t("recognition.noneMatching") : t("recognition.noneYet")}</p>
      )}
      {data.nextCursor ? (
        <p>
          <Link to={`/recognition?${nextParams.toString()}`} className="button">
            {t("recognition.older")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
