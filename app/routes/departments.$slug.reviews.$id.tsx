import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { Checkboxes, FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { Markdown } from "#app/components/markdown.tsx";
import { TextForm } from "#app/components/text-form.tsx";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { listDepartmentMembers } from "#app/modules/departments/departments.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { assembleAgenda, type AgendaItem } from "#app/modules/reviews/agenda.server.ts";
import { FollowUp, ItemLine, KpiSection, ShadowingSection, StoriesSection } from "#app/modules/reviews/agenda-view.tsx";
import { finishReview, saveReviewNotes, setAttendees } from "#app/modules/reviews/commands.server.ts";
import { getReview } from "#app/modules/reviews/queries.server.ts";
import { AttendeesSchema, DecideSchema, NotesSchema, RaiseSchema } from "#app/modules/reviews/schemas.ts";
import { chooseImprovement, suggestImprovement } from "#app/modules/shadowing/commands.server.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";
import { z } from "zod";

export const meta = titled("areas.reviews.title");

/**
 * A review's page. Open: only those who hold reviews (the department's
 * managers, leaders, admins) see it, with the agenda assembled live and the
 * forms of the meeting. Finished: the department's people read the record,
 * agenda as it was then.
 */
async function load(request: Request, params: { slug?: string; id?: string }) {
  const { user, department } = await departmentAccess(request, params.slug);
  const db = getDb();
  const review = UuidSchema.safeParse(params.id).success
    ? await getReview(db, { departmentId: department.id, id: params.id! })
    : undefined;
  assertFound(review);
  await requirePermission(request, review.status === "open" ? "review:run" : "review:read", department);
  return { user, department, review, db };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department, review, db } = await load(request, params);
  const open = review.status === "open";
  const agenda =
    review.agenda ??
    (await assembleAgenda(db, {
      departmentId: department.id,
      periodStart: review.periodStart,
      periodEnd: review.periodEnd,
      reviewId: review.id,
    }));
  const locale = await resolveLocale(request, user.locale);
  const members = open
    ? sortByName(
        (await listDepartmentMembers(db, department.id)).filter((m) => m.status === "active"),
        locale,
        (m) => m.name || m.email,
      ).map((m) => ({ id: m.id, label: m.name || m.email }))
    : [];
  return {
    department: { slug: department.slug, name: department.name },
    review: { ...review, agenda: undefined },
    notesHtml: renderMarkdown(review.notes),
    agenda,
    members,
    today: today(),
  };
}

/** Finishing is said explicitly: an unknown intent is bad input, never a finished review. */
const FinishSchema = z.object({ intent: z.literal("finish") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department, review, db } = await load(request, params);
  await requirePermission(request, "review:run", department);
  const formData = await request.formData();
  const here = `/departments/${department.slug}/reviews/${review.id}`;
  const common = { actorId: user.id, departmentId: department.id, reviewId: review.id };
  const intent = intentOf(formData);
  if (intent === "notes") {
    const outcome = await handleSubmission(formData, NotesSchema, ({ notes }) =>
      saveReviewNotes(db, { ...common, notes }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#notes-title`, { key: "flash.reviewNotesSaved" });
  }
  if (intent === "attendees") {
    const outcome = await handleSubmission(formData, AttendeesSchema, ({ attendees }) =>
      setAttendees(db, { ...common, userIds: attendees.filter((id): id is string => Boolean(id)) }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#attendees-title`, { key: "flash.reviewAttendeesSaved" });
  }
  if (intent === "decide") {
    const outcome = await handleSubmission(formData, DecideSchema, ({ improvementId, ...value }) =>
      chooseImprovement(db, { ...common, ...value, improvementId, today: today() }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#decisions-title`, { key: "flash.improvementChosen" });
  }
  if (intent === "raise") {
    const outcome = await handleSubmission(formData, RaiseSchema, (value) =>
      suggestImprovement(db, { ...common, ...value }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`${here}#decisions-title`, { key: "flash.improvementSuggested" });
  }
  const outcome = await handleSubmission(formData, FinishSchema, () => finishReview(db, common));
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(here, { key: "flash.reviewFinished" });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Review() {
  const t = useT();
  const format = useFormat();
  const { department, review, agenda, members, notesHtml } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { intent?: string } | null | undefined;
  const open = review.status === "open";
  const resultFor = (intent: string) => (sent?.intent === intent ? actionData?.result : undefined);
  const [attendeesForm] = useForm({ id: "review-attendees", lastResult: resultFor("attendees") });
  const [finishForm] = useForm({ id: "review-finish", lastResult: resultFor("finish") });
  const slug = department.slug;
  const period = t("reviews.periodText", {
    start: format.date(review.periodStart),
    end: format.date(review.periodEnd),
  });
  return (
    <article aria-labelledby="review-title">
      <p className="breadcrumb">
        <Link to={`/departments/${slug}/reviews`}>
          {t("departments.reviewsTitle", { department: department.name })}
        </Link>
      </p>
      <div className="item-header">
        <h1 id="review-title">{t("reviews.heading", { department: department.name, period })}</h1>
        <span className={`status status--${review.status}`}>{t(`reviews.status.${review.status}`)}</span>
      </div>
      <p className="muted">
        {t("reviews.startedOn", { name: review.startedBy ?? "—", date: format.date(review.createdAt) })}
        {review.finishedAt
          ? ` · ${t("reviews.finishedOn", { name: review.finishedBy ?? "—", date: format.date(review.finishedAt) })}`
          : null}
      </p>
      {open ? <p className="notice">{t("reviews.openLead")}</p> : null}

      <FollowUp agenda={agenda} slug={slug} />
      <KpiSection agenda={agenda} slug={slug} />
      <StoriesSection agenda={agenda} slug={slug} />
      <ShadowingSection agenda={agenda} slug={slug} />

      <section aria-labelledby="decisions-title" className="panel">
        <h2 id="decisions-title">{t("reviews.decisionsTitle")}</h2>
        <p className="muted">{t("reviews.decisionsLead")}</p>
        {open ? (
          <OpenDecisions agenda={agenda} slug={slug} members={members} />
        ) : review.decisions.length ? (
          <ul className="plain-list">
            {review.decisions.map((d) => (
              <li key={d.id}>
                <Link to={`/departments/${slug}/improvements/${d.id}`}>{d.description}</Link>{" "}
                <span className={`status status--${d.status}`}>{t(`shadowing.status.${d.status}`)}</span>
                {d.touchpoint ? <span className="muted"> · {d.touchpoint}</span> : null}
                {d.ownerName ? <span className="muted"> · {t("shadowing.owner", { name: d.ownerName })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("reviews.noDecisions")}</p>
        )}
      </section>

      <section aria-labelledby="notes-title" className="panel">
        <h2 id="notes-title">{t("reviews.notesTitle")}</h2>
        {open ? (
          <TextForm
            id="review-notes"
            intent="notes"
            name="notes"
            label={t("reviews.notesLabel")}
            submit={t("reviews.saveNotes")}
            defaultValue={review.notes}
            lastResult={resultFor("notes")}
          />
        ) : null}
        {review.notes ? <Markdown html={notesHtml} /> : open ? null : <p className="muted">{t("reviews.noNotes")}</p>}
      </section>

      <section aria-labelledby="attendees-title" className="panel">
        <h2 id="attendees-title">{t("reviews.attendees")}</h2>
        {open ? (
          <Form method="post" {...getFormProps(attendeesForm)}>
            <FormErrors errors={attendeesForm.errors} />
            <fieldset>
              <legend>{t("reviews.whoAttended")}</legend>
              <Checkboxes name="attendees" options={members} checked={review.attendees.map((a) => a.id)} />
            </fieldset>
            <input type="hidden" name="intent" value="attendees" />
            <button type="submit" className="button">
              {t("reviews.saveAttendees")}
            </button>
          </Form>
        ) : review.attendees.length ? (
          <p>{review.attendees.map((a) => a.name).join(", ")}</p>
        ) : (
          <p className="muted">{t("reviews.noAttendees")}</p>
        )}
      </section>

      {open ? (
        <section aria-labelledby="finish-title" className="panel">
          <h2 id="finish-title">{t("reviews.finishTitle")}</h2>
          <p>{t("reviews.finishLead")}</p>
          <Form method="post" {...getFormProps(finishForm)}>
            <FormErrors errors={finishForm.errors} />
            <input type="hidden" name="intent" value="finish" />
            <button type="submit" className="button button--primary">
              {t("reviews.finish")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

/** One form per touchpoint (choose one of its proposals), and a form to raise a new idea. */
function OpenDecisions({
  agenda,
  slug,
  members,
}: {
  agenda: LoaderData["agenda"];
  slug: string;
  members: LoaderData["members"];
}) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { intent?: string; touchpoint?: string } | null | undefined;
  const [raiseForm, raiseFields] = useForm<{ description: string; touchpointId: string }>({
    id: "review-raise",
    lastResult: sent?.intent === "raise" ? actionData?.result : undefined,
    shouldRevalidate: "onSubmit",
  });
  const owners = members.map((m) => ({ value: m.id, label: m.label }));
  return (
    <>
      {agenda.touchpoints.length === 0 ? (
        <p className="muted">
          {t("reviews.noTouchpoints")}{" "}
          <Link to={`/departments/${slug}/improvements`}>{t("shadowing.backlogTitle")}</Link>
        </p>
      ) : null}
      {agenda.touchpoints.map((tp) => (
        <div key={tp.id} className="touchpoint-decision">
          <h3>{tp.name}</h3>
          {tp.current ? (
            <p>
              <ItemLine item={tp.current} slug={slug} />
            </p>
          ) : (
            <p className="muted">{t("reviews.nothingChosen")}</p>
          )}
          {tp.proposals.length === 0 ? (
            <p className="muted">{t("reviews.noProposals")}</p>
          ) : tp.current ? (
            // Replacing is the exception: folded away unless the meeting is answering the "replace?" question.
            <details open={sent?.intent === "decide" && sent.touchpoint === tp.id}>
              <summary>{t("reviews.replaceWithProposal")}</summary>
              <DecideForm touchpointId={tp.id} proposals={tp.proposals} owners={owners} />
            </details>
          ) : (
            <DecideForm touchpointId={tp.id} proposals={tp.proposals} owners={owners} />
          )}
        </div>
      ))}
      {agenda.unplaced.length ? (
        <div className="touchpoint-decision">
          <h3>{t("reviews.unplaced")}</h3>
          <DecideForm touchpointId="none" proposals={agenda.unplaced} owners={owners} />
        </div>
      ) : null}
      <div className="touchpoint-decision">
        <h3 id="raise-title">{t("reviews.raiseTitle")}</h3>
        <Form method="post" {...getFormProps(raiseForm)} aria-labelledby="raise-title">
          <FormErrors errors={raiseForm.errors} />
          <TextAreaField field={raiseFields.description} label={t("shadowing.improvement")} rows={2} />
          <SelectField
            field={raiseFields.touchpointId}
            label={t("shadowing.fields.touchpoint")}
            options={[
              { value: "", label: t("stories.notSaid") },
              ...agenda.touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
            ]}
          />
          <input type="hidden" name="intent" value="raise" />
          <button type="submit" className="button">
            {t("reviews.raise")}
          </button>
        </Form>
      </div>
    </>
  );
}

function DecideForm({
  touchpointId,
  proposals,
  owners,
}: {
  touchpointId: string;
  proposals: AgendaItem[];
  owners: { value: string; label: string }[];
}) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { intent?: string; touchpoint?: string } | null | undefined;
  const [form, fields] = useForm<{ improvementId: string; ownerId: string; dueOn: string; replace: string }>({
    id: `decide-${touchpointId}`,
    lastResult: sent?.intent === "decide" && sent.touchpoint === touchpointId ? actionData?.result : undefined,
    shouldRevalidate: "onSubmit",
  });
  // The touchpoint already has a chosen improvement: the answer names it and asks.
  const [replaceId, replaceText] = (fields.replace.errors?.[0] ?? "").split("|");
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {replaceId ? (
        <div className="notice notice--warning" role="alert">
          <p>{t("shadowing.replaceQuestion", { description: replaceText })}</p>
          <div className="checkbox">
            <input type="checkbox" id={`replace-${touchpointId}`} name="replace" value={replaceId} />
            <label htmlFor={`replace-${touchpointId}`}>{t("shadowing.replaceConfirm")}</label>
          </div>
        </div>
      ) : null}
      <SelectField
        field={fields.improvementId}
        label={t("reviews.chooseProposal")}
        options={[
          { value: "", label: "" },
          ...proposals.map((p) => ({
            value: p.id,
            label: `${p.description.slice(0, 120)} (${t(`shadowing.origins.${p.origin}`)})`,
          })),
        ]}
      />
      <div className="field-row">
        <SelectField
          field={fields.ownerId}
          label={t("shadowing.ownerLabel")}
          options={[{ value: "", label: "" }, ...owners]}
        />
        <TextField field={fields.dueOn} label={t("shadowing.dueOn")} type="date" required />
      </div>
      <input type="hidden" name="touchpoint" value={touchpointId} />
      <input type="hidden" name="intent" value="decide" />
      <button type="submit" className="button button--primary">
        {t("shadowing.choose")}
      </button>
    </Form>
  );
}
