import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { FormErrors } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "#app/i18n/i18n.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { LocaleSchema, UuidSchema } from "#app/modules/forms.ts";
import { saveTranslations } from "#app/modules/promise/commands.server.ts";
import { TRANSLATABLE, translationState, type TranslationState } from "#app/modules/promise/model.ts";
import { getDraftId, loadPromise } from "#app/modules/promise/queries.server.ts";
import { LIMITS } from "#app/modules/promise/schemas.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("promise.translations");

interface TextRow {
  key: string;
  kind: keyof typeof TRANSLATABLE;
  rowId: string;
  field: string;
  label: string;
  original: string;
  translation: string;
  state: TranslationState;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "promise:edit", undefined);
  const db = getDb();
  const draftId = await getDraftId(db);
  const draft = draftId ? await loadPromise(db, draftId) : undefined;
  assertFound(draft);
  const others = LOCALES.filter((l) => l !== draft.sourceLocale);
  const asked = new URL(request.url).searchParams.get("locale");
  const locale: Locale = isLocale(asked) && asked !== draft.sourceLocale ? asked : others[0]!;
  const rows: TextRow[] = [];
  const add = (
    kind: TextRow["kind"],
    rowId: string,
    label: string,
    texts: Record<string, string>,
    translations: typeof draft.translations,
  ) => {
    for (const field of TRANSLATABLE[kind]) {
      const original = texts[field] ?? "";
      if (!original) continue;
      rows.push({
        key: `${rowId}:${field}`,
        kind,
        rowId,
        field,
        label,
        original,
        translation: translations[locale]?.[field]?.text ?? "",
        state: translationState(original, translations, field, locale, sourceHash(original)),
      });
    }
  };
  add("version", draft.id, draft.title, { title: draft.title, intro: draft.intro }, draft.translations);
  for (const p of draft.pillars) {
    add("pillar", p.id, p.title, { title: p.title, body: p.body }, p.translations);
    for (const b of p.behaviours) {
      add(
        "behaviour",
        b.id,
        b.title,
        { title: b.title, description: b.description, examples: b.examples },
        b.translations,
      );
    }
  }
  // What needs a translator's attention, per language, for the overview.
  const overview = others.map((l) => {
    const states = rows.map((r) => {
      const source = sourceHash(r.original);
      const item =
        r.kind === "version"
          ? draft
          : r.kind === "pillar"
            ? draft.pillars.find((p) => p.id === r.rowId)
            : draft.pillars.flatMap((p) => p.behaviours).find((b) => b.id === r.rowId);
      return translationState(r.original, item?.translations ?? {}, r.field, l, source);
    });
    return {
      locale: l,
      missing: states.filter((s) => s === "missing").length,
      outdated: states.filter((s) => s === "outdated").length,
    };
  });
  return { locale, sourceLocale: draft.sourceLocale, revision: draft.revision, rows, overview };
}

const TranslationsSchema = z.object({
  revision: z.coerce.number().int().min(0),
  locale: LocaleSchema,
  entries: z
    .array(
      z.object({
        kind: z.enum(["version", "pillar", "behaviour"]),
        rowId: UuidSchema,
        field: z.string().max(20),
        text: z.string().max(LIMITS.text).default(""),
      }),
    )
    .max(500)
    .default([]),
});

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "promise:edit", undefined);
  const outcome = await handleSubmission(await request.formData(), TranslationsSchema, (value) =>
    saveTranslations(getDb(), value),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/promise/draft/translations?locale=${outcome.submission.value.locale}`, {
    key: "flash.translationsSaved",
  });
}

export default function Translations() {
  const t = useT();
  const { locale, sourceLocale, revision, rows, overview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "result" in actionData ? (actionData.result?.error?.[""] ?? undefined) : undefined;
  return (
    <section aria-labelledby="translations-title">
      <p className="breadcrumb">
        <Link to="/promise/draft">{t("promise.backToDraft")}</Link>
      </p>
      <h1 id="translations-title">{t("promise.translations")}</h1>
      <p className="lead">{t("promise.translationsLead", { language: LOCALE_NAMES[sourceLocale] })}</p>
      <table className="table">
        <caption>{t("promise.translationStatus")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.language")}</th>
            <th scope="col">{t("promise.state.missing")}</th>
            <th scope="col">{t("promise.state.outdated")}</th>
          </tr>
        </thead>
        <tbody>
          {overview.map((o) => (
            <tr key={o.locale}>
              <th scope="row">
                <Link to={`?locale=${o.locale}`} aria-current={o.locale === locale ? "page" : undefined}>
                  {LOCALE_NAMES[o.locale]}
                </Link>
              </th>
              <td>{o.missing}</td>
              <td>{o.outdated}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" key={`${locale}-${revision}`}>
        <FormErrors errors={errors} />
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="locale" value={locale} />
        <h2>{t("promise.translatingInto", { language: LOCALE_NAMES[locale] })}</h2>
        {rows.map((row, i) => (
          <fieldset key={row.key} className={`translation translation--${row.state}`}>
            <legend>
              {t(`promise.textKind.${row.kind}`)} · {t(`promise.fields.${row.field}`)} ·{" "}
              <span className={`status status--${row.state}`}>{t(`promise.state.${row.state}`)}</span>
            </legend>
            <input type="hidden" name={`entries[${i}].kind`} value={row.kind} />
            <input type="hidden" name={`entries[${i}].rowId`} value={row.rowId} />
            <input type="hidden" name={`entries[${i}].field`} value={row.field} />
            <p className="original" lang={sourceLocale}>
              {row.original}
            </p>
            <label htmlFor={`translation-${i}`} className="visually-hidden">
              {t("promise.translationOf", { text: row.label, language: LOCALE_NAMES[locale] })}
            </label>
            <textarea
              id={`translation-${i}`}
              name={`entries[${i}].text`}
              lang={locale}
              defaultValue={row.translation}
              rows={row.field === "title" ? 1 : 4}
              maxLength={LIMITS.text}
            />
          </fieldset>
        ))}
        <button type="submit" className="button button--primary">
          {t("promise.saveTranslations")}
        </button>
      </Form>
    </section>
  );
}
