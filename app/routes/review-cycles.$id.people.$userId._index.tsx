import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { FormErrors } from "#app/components/fields.tsx";
import { Markdown } from "#app/components/markdown.tsx";
import { TextForm } from "#app/components/text-form.tsx";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { markDiscussed, saveManagerNotes, saveReflection } from "#app/modules/performance/commands.server.ts";
import { EvidenceSection, PromptList } from "#app/modules/performance/preparation-view.tsx";
import { DiscussSchema, ManagerNotesSchema, ReflectionSchema } from "#app/modules/performance/schemas.ts";
import { preparationAccess, preparationContent } from "#app/modules/performance/view.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("performance.cyclesTitle");

/**
 * One employee's preparation for their performance conversation: the
 * evidence of the cycle's period, the prompts grounded in it, their
 * self-reflection and their manager's notes. Read by the employee, their
 * manager, leaders and admins only (the policy's "preparation:read").
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cycle, preparation } = await preparationAccess(request, params);
  const locale = await resolveLocale(request, user.locale);
  const content = await preparationContent(preparation, cycle, locale);
  const discussed = preparation.discussedAt !== null;
  return {
    cycle: { id: cycle.id, name: cycle.name },
    employee: preparation.employee,
    preparation: { ...preparation, subject: undefined, snapshot: undefined },
    reflectionHtml: renderMarkdown(preparation.reflection),
    managerNotesHtml: renderMarkdown(preparation.managerNotes),
    ...content,
    canReflect: !discussed && can(user, "preparation:reflect", preparation.subject),
    canConduct: !discussed && can(user, "preparation:conduct", preparation.subject),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cycle, preparation, db } = await preparationAccess(request, params);
  const formData = await request.formData();
  const here = `/review-cycles/${cycle.id}/people/${preparation.employee.id}`;
  const common = { actorId: user.id, cycleId: cycle.id, userId: preparation.employee.id };
  const intent = intentOf(formData);
  if (intent === "reflect") {
    await requirePermission(request, "preparation:reflect", preparation.subject);
    const outcome = await handleSubmission(formData, ReflectionSchema, ({ reflection }) =>
      saveReflection(db, { ...common, reflection }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#reflection-title`, { key: "flash.reflectionSaved" });
  }
  await requirePermission(request, "preparation:conduct", preparation.subject);
  if (intent === "notes") {
    const outcome = await handleSubmission(formData, ManagerNotesSchema, ({ notes }) =>
      saveManagerNotes(db, { ...common, notes }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#notes-title`, { key: "flash.managerNotesSaved" });
  }
  const outcome = await handleSubmission(formData, DiscussSchema, () =>
    markDiscussed(db, { ...common, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(here, { key: "flash.preparationDiscussed" });
}

/** Printing needs the browser's script; without it, the browser's own print menu does the same. */
function PrintButton() {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("performance.print")}
    </button>
  );
}

/** What a form holds, for the printed page (forms are not printed). */
function PrintOnly({ html, empty }: { html: string; empty: string }) {
  return <div className="print-only">{html ? <Markdown html={html} /> : <p className="muted">{empty}</p>}</div>;
}

export default function PreparationPage() {
  const t = useT();
  const format = useFormat();
  const {
    cycle,
    employee,
    preparation,
    evidence,
    prompts,
    behaviours,
    canReflect,
    canConduct,
    reflectionHtml,
    managerNotesHtml,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { intent?: string } | null | undefined;
  const resultFor = (intent: string) => (sent?.intent === intent ? actionData?.result : undefined);
  const [discussForm] = useForm({ id: "preparation-discuss", lastResult: resultFor("discuss") });
  const here = `/review-cycles/${cycle.id}/people/${employee.id}`;
  return (
    <article aria-labelledby="preparation-title" className="preparation">
      <p className="breadcrumb">
        <Link to={`/review-cycles/${cycle.id}`}>{cycle.name}</Link>
      </p>
      <h1 id="preparation-title">{t("performance.preparationHeading", { name: employee.name, cycle: cycle.name })}</h1>
      <p className="muted">{t("performance.privacy", { name: employee.name })}</p>
      <p className="actions no-print">
        <PrintButton />
        <a className="button" href={`${here}/markdown`} download>
          {t("performance.exportMarkdown")}
        </a>
      </p>
      {preparation.discussedAt ? (
        <p className="notice">
          {t("performance.discussedOn", {
            date: format.date(preparation.discussedAt),
            name: preparation.discussedBy ?? "—",
          })}{" "}
          {t("performance.evidenceFrozen", { date: format.date(preparation.discussedAt) })}
        </p>
      ) : null}

      <PromptList prompts={prompts} />
      <EvidenceSection evidence={evidence} behaviours={behaviours} />

      <section aria-labelledby="reflection-title" className="panel">
        <h2 id="reflection-title">{t("performance.reflectionTitle")}</h2>
        {preparation.reflectedAt ? (
          <p className="muted">{t("performance.reflectedOn", { date: format.date(preparation.reflectedAt) })}</p>
        ) : null}
        {canReflect ? <PrintOnly html={reflectionHtml} empty={t("performance.noReflection")} /> : null}
        {canReflect ? (
          <TextForm
            id="preparation-reflection"
            intent="reflect"
            name="reflection"
            label={t("performance.reflectionLabel")}
            submit={t("performance.saveReflection")}
            defaultValue={preparation.reflection}
            lastResult={resultFor("reflect")}
            className="no-print"
          />
        ) : preparation.reflection ? (
          <Markdown html={reflectionHtml} />
        ) : (
          <p className="muted">{t("performance.noReflection")}</p>
        )}
      </section>

      <section aria-labelledby="notes-title" className="panel">
        <h2 id="notes-title">{t("performance.notesTitle")}</h2>
        {preparation.preparedAt ? (
          <p className="muted">
            {t("performance.preparedOn", {
              name: preparation.preparedBy ?? "—",
              date: format.date(preparation.preparedAt),
            })}
          </p>
        ) : null}
        {canConduct ? <PrintOnly html={managerNotesHtml} empty={t("performance.noNotes")} /> : null}
        {canConduct ? (
          <TextForm
            id="preparation-notes"
            intent="notes"
            name="notes"
            label={t("performance.notesLabel")}
            submit={t("performance.saveNotes")}
            defaultValue={preparation.managerNotes}
            lastResult={resultFor("notes")}
            className="no-print"
          />
        ) : preparation.managerNotes ? (
          <Markdown html={managerNotesHtml} />
        ) : (
          <p className="muted">{t("performance.noNotes")}</p>
        )}
      </section>

      {canConduct ? (
        <section aria-labelledby="discuss-title" className="panel no-print">
          <h2 id="discuss-title">{t("performance.discussTitle")}</h2>
          <p>{t("performance.discussLead")}</p>
          <Form method="post" {...getFormProps(discussForm)}>
            <FormErrors errors={discussForm.errors} />
            <input type="hidden" name="intent" value="discuss" />
            <button type="submit" className="button button--primary">
              {t("performance.discuss")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
