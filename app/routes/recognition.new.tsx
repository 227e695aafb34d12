import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { Checkboxes, ErrorList, FormErrors, SelectField, TextAreaField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartmentNames } from "#app/modules/departments/departments.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { listPeople } from "#app/modules/people/people.server.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { giveRecognition } from "#app/modules/recognition/commands.server.ts";
import { RecognitionSchema } from "#app/modules/recognition/schemas.ts";
import { behaviourOptions } from "#app/modules/stories/labels.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("recognition.give");

/**
 * The recognition form. Links prefill it: `?to=<person>` (repeatable),
 * `?department=<id>`, and what it comes from: `?story=`, `?note=`.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const ids = (name: string) => url.searchParams.getAll(name).filter((v) => UuidSchema.safeParse(v).success);
  const [people, departments, behaviours] = await Promise.all([
    listPeople(db),
    listDepartmentNames(db),
    currentBehaviourOptions(db),
  ]);
  const [storyId] = ids("story");
  const [noteId] = ids("note");
  const story = storyId
    ? await db
        .selectFrom("stories")
        .select(["id", "title"])
        .where("id", "=", storyId)
        .where("status", "=", "published")
        .where("hidden_at", "is", null)
        .executeTakeFirst()
    : undefined;
  const note = noteId
    ? await db
        .selectFrom("shadow_notes")
        .select("id")
        .where("id", "=", noteId)
        .where("status", "=", "submitted")
        .executeTakeFirst()
    : undefined;
  return {
    people: sortByName(
      people.filter((p) => p.status === "active" && p.id !== user.id),
      locale,
    ).map((p) => ({ id: p.id, name: p.name })),
    departments: sortByName(departments, locale).map((d) => ({ id: d.id, label: d.name })),
    behaviours: behaviourOptions(behaviours, locale),
    defaults: { people: ids("to").filter((id) => id !== user.id), departments: ids("department") },
    story: story ?? null,
    noteId: note?.id ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const outcome = await handleSubmission(await request.formData(), RecognitionSchema, (value) =>
    giveRecognition(getDb(), { ...value, actorId: user.id }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/recognition/${outcome.value}`, { key: "flash.recognitionSent" });
}

export default function GiveRecognition() {
  const t = useT();
  const { people, departments, behaviours, defaults, story, noteId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ message: string; behaviourId: string; people: string[]; departments: string[] }>({
    id: "recognition",
    lastResult: actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  const sent = actionData?.result?.initialValue as {
    people?: string[] | string;
    departments?: string[] | string;
  } | null;
  const asList = (v: string[] | string | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const chosenPeople = asList(sent?.people) ?? defaults.people;
  const chosenDepartments = asList(sent?.departments) ?? defaults.departments;
  return (
    <section aria-labelledby="give-title">
      <p className="breadcrumb">
        <Link to="/recognition">{t("areas.recognition.title")}</Link>
      </p>
      <h1 id="give-title">{t("recognition.give")}</h1>
      <p className="lead">{t("recognition.giveLead")}</p>
      <Form method="post" {...getFormProps(form)} className="panel">
        <FormErrors errors={form.errors} />
        {story ? (
          <p className="notice">
            {t("recognition.fromStory")} <Link to={`/stories/${story.id}`}>{story.title}</Link>
            <input type="hidden" name="storyId" value={story.id} />
          </p>
        ) : null}
        {noteId ? (
          <p className="notice">
            <Link to={`/shadowing/notes/${noteId}`}>{t("recognition.fromNote")}</Link>
            <input type="hidden" name="shadowNoteId" value={noteId} />
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="people">{t("recognition.people")}</label>
          <p className="field-hint" id="people-hint">
            {t("stories.colleaguesHint")}
          </p>
          <select
            id="people"
            name="people"
            multiple
            size={6}
            defaultValue={chosenPeople}
            aria-describedby="people-hint"
            aria-invalid={fields.people.errors ? true : undefined}
          >
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <ErrorList errors={fields.people.errors} />
        </div>
        <fieldset className="choices">
          <legend>{t("recognition.departments")}</legend>
          <Checkboxes name="departments" options={departments} checked={chosenDepartments} />
          <ErrorList errors={fields.departments.errors} />
        </fieldset>
        <SelectField
          field={fields.behaviourId}
          label={t("recognition.behaviour")}
          options={[{ value: "", label: "" }, ...behaviours.map((b) => ({ value: b.id, label: b.title }))]}
        />
        <TextAreaField field={fields.message} label={t("recognition.message")} rows={4} />
        <button type="submit" className="button button--primary">
          {t("recognition.send")}
        </button>
      </Form>
    </section>
  );
}
