import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, TextAreaField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { isLocale, LOCALE_NAMES, LOCALES } from "#app/i18n/i18n.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { resetTemplate, saveTemplate } from "#app/modules/performance/commands.server.ts";
import { PROMPT_RULES, type RuleKey } from "#app/modules/performance/prompts.ts";
import { loadTemplates, type Template } from "#app/modules/performance/queries.server.ts";
import { ResetTemplateSchema, TemplateSchema } from "#app/modules/performance/schemas.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("performance.templatesTitle");

/** Leaders and admins reword the prompt templates, one language at a time (`?locale=`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "cycle:open", undefined);
  const asked = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(asked) ? asked : await resolveLocale(request, user.locale);
  return { locale, templates: await loadTemplates(getDb(), [locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "cycle:open", undefined);
  const formData = await request.formData();
  const back = (locale: string, rule: string) => `/review-cycles/prompts?locale=${locale}#rule-${rule}`;
  if (intentOf(formData) === "reset") {
    const outcome = await handleSubmission(formData, ResetTemplateSchema, async (value) => {
      await resetTemplate(getDb(), { actorId: user.id, ...value });
      return value;
    });
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(back(outcome.value.locale, outcome.value.rule), { key: "flash.templateReset" });
  }
  const outcome = await handleSubmission(formData, TemplateSchema, async (value) => {
    await saveTemplate(getDb(), { actorId: user.id, ...value });
    return value;
  });
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(back(outcome.value.locale, outcome.value.rule), { key: "flash.templateSaved" });
}

export default function PromptTemplates() {
  const t = useT();
  const { locale, templates } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="templates-title">
      <p className="breadcrumb">
        <Link to="/review-cycles">{t("performance.cyclesTitle")}</Link>
      </p>
      <h1 id="templates-title">{t("performance.templatesTitle")}</h1>
      <p className="lead">{t("performance.templatesLead")}</p>
      <nav aria-label={t("layout.language")} className="locale-tabs">
        <ul className="inline-list">
          {LOCALES.map((l) => (
            <li key={l}>
              <Link to={`?locale=${l}`} aria-current={l === locale ? "page" : undefined} lang={l}>
                {LOCALE_NAMES[l]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {templates.map((template) => (
        <TemplateForm key={`${template.rule}/${template.locale}`} template={template} />
      ))}
    </section>
  );
}

function TemplateForm({ template }: { template: Template }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { rule?: string } | null | undefined;
  const [form, fields] = useForm<{ text: string }>({
    id: `template-${template.rule}`,
    lastResult: sent?.rule === template.rule ? actionData?.result : undefined,
    defaultValue: { text: template.text },
    shouldRevalidate: "onSubmit",
  });
  const placeholders = PROMPT_RULES[template.rule as RuleKey].placeholders;
  const headingId = `rule-${template.rule}`;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {t("performance.whenAsked")}: {t(`performance.rules.${template.rule}`)}
        {template.edited ? <span className="status status--chosen"> {t("performance.edited")}</span> : null}
      </h2>
      <Form method="post" {...getFormProps(form)} lang={template.locale}>
        <FormErrors errors={form.errors} />
        <TextAreaField
          field={fields.text}
          label={LOCALE_NAMES[template.locale]}
          rows={3}
          hint={
            placeholders.length
              ? t("performance.placeholders", { list: placeholders.map((p) => `{{${p}}}`).join(", ") })
              : t("performance.noPlaceholders")
          }
        />
        {template.edited ? (
          <p className="muted">{t("performance.defaultWording", { text: template.defaultText })}</p>
        ) : null}
        <input type="hidden" name="rule" value={template.rule} />
        <input type="hidden" name="locale" value={template.locale} />
        <div className="actions">
          <button type="submit" className="button button--primary" name="intent" value="save">
            {t("performance.saveTemplate")}
          </button>
          {template.edited ? (
            <button type="submit" className="button" name="intent" value="reset">
              {t("performance.resetTemplate")}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
