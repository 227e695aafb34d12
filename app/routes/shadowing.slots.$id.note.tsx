import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { Checkboxes, ErrorList, FormErrors } from "#app/components/fields.tsx";
import { PersonalDataWarning } from "#app/components/personal-data-warning.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { localize } from "#app/modules/promise/model.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";
import { noteEditable, saveNote } from "#app/modules/shadowing/commands.server.ts";
import { SHADOW_LIMITS } from "#app/modules/shadowing/constants.ts";
import { getNoteForSlot, getSlot, listFailureReasons, listTouchpoints } from "#app/modules/shadowing/queries.server.ts";
import { NoteSchema } from "#app/modules/shadowing/schemas.ts";
import { CustomerNeedFields } from "#app/modules/stories/story-form.tsx";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("shadowing.noteTitle");

/** The observer's own session: others are sent to the slot page. */
async function load(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const slot = UuidSchema.safeParse(id).success ? await getSlot(db, { id: id!, readerId: user.id }) : undefined;
  assertFound(slot);
  if (!slot.mine) throw redirect(`/shadowing/slots/${slot.id}`);
  return { user, slot, db };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, slot, db } = await load(request, params.id);
  const note = await getNoteForSlot(db, { slotId: slot.id, userId: user.id });
  if (note && !noteEditable({ createdAt: new Date(note.createdAt) })) throw redirect(`/shadowing/notes/${note.id}`);
  const locale = await resolveLocale(request, user.locale);
  const [reasons, touchpoints, behaviours] = await Promise.all([
    listFailureReasons(db, slot.departmentId),
    listTouchpoints(db, slot.departmentId),
    currentBehaviourOptions(db),
  ]);
  return {
    slot: { id: slot.id, departmentName: slot.departmentName, startsAt: slot.startsAt, hostName: slot.hostName },
    started: new Date(slot.startsAt) <= new Date(),
    note,
    reasons,
    touchpoints,
    behaviours: behaviours.map((b) => ({
      id: b.behaviourId,
      title: localize(b.title, b.translations, "title", locale, b.sourceLocale, sourceHash(b.title)).text,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, slot, db } = await load(request, params.id);
  const formData = await request.formData();
  const submit = intentOf(formData) === "submit";
  const outcome = await handleSubmission(formData, NoteSchema, (note) =>
    saveNote(db, { actorId: user.id, slotId: slot.id, note, submit }),
  );
  if (!outcome.ok) return outcome.response;
  if (submit) return redirectWithFlash(`/shadowing/notes/${outcome.value}`, { key: "flash.noteSubmitted" });
  return redirectWithFlash(`/shadowing/slots/${slot.id}/note`, { key: "flash.noteDraftSaved" });
}

type Values = {
  wentWell: string;
  painPoints: string;
  reasons: string[];
  newReason: string;
  kano: string;
  job: string;
  behaviours: string[];
  ideas: { text: string; touchpointId: string }[];
};

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
}

export default function NoteForm() {
  const t = useT();
  const format = useFormat();
  const { slot, started, note, reasons, touchpoints, behaviours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData?.result;
  const sent = result?.initialValue as Record<string, unknown> | null | undefined;
  const values: Values = sent
    ? {
        wentWell: String(sent.wentWell ?? ""),
        painPoints: String(sent.painPoints ?? ""),
        reasons: asList(sent.reasons),
        newReason: String(sent.newReason ?? ""),
        kano: String(sent.kano ?? ""),
        job: String(sent.job ?? ""),
        behaviours: asList(sent.behaviours),
        ideas: asList(sent.ideas).map((text, i) => ({ text, touchpointId: asList(sent.ideaTouchpoints)[i] ?? "" })),
      }
    : {
        wentWell: note?.wentWell ?? "",
        painPoints: note?.painPoints ?? "",
        reasons: note?.reasons.map((r) => r.id) ?? [],
        newReason: "",
        kano: note?.kano ?? "",
        job: note?.job ?? "",
        behaviours: note?.behaviourIds ?? [],
        ideas: (note?.ideas ?? []).map((i) => ({ text: i.text, touchpointId: i.touchpointId ?? "" })),
      };
  const submitted = note?.status === "submitted";
  // Always a few empty lines for more ideas (no JavaScript needed to add one).
  const ideaRows = submitted
    ? []
    : [
        ...values.ideas,
        ...Array.from({ length: SHADOW_LIMITS.ideaFields }, () => ({ text: "", touchpointId: "" })),
      ].slice(0, Math.max(SHADOW_LIMITS.ideaFields, values.ideas.length + 2));
  const errors = (name: string) => result?.error?.[name] ?? undefined;
  return (
    <section aria-labelledby="note-title">
      <p className="breadcrumb">
        <Link to={`/shadowing/slots/${slot.id}`}>
          {slot.departmentName} · {format.dateTime(slot.startsAt)}
        </Link>
      </p>
      <h1 id="note-title">{t("shadowing.noteTitle")}</h1>
      <p className="lead">{t("shadowing.noteLead")}</p>
      {!started ? <p className="notice">{t("shadowing.errors.notYet")}</p> : null}
      <Form method="post" className="story-form note-form" key={JSON.stringify(sent ?? {})}>
        <FormErrors errors={errors("")} />
        <PersonalDataWarning findings={errors("personalData")} />
        <div className="field">
          <label htmlFor="wentWell">{t("shadowing.fields.wentWell")}</label>
          <p className="field-hint" id="wentWell-hint">
            {slot.hostName
              ? t("shadowing.fields.wentWellHintHost", { name: slot.hostName })
              : t("shadowing.fields.wentWellHint")}
          </p>
          <textarea
            id="wentWell"
            name="wentWell"
            rows={4}
            defaultValue={values.wentWell}
            aria-describedby="wentWell-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="painPoints">{t("shadowing.fields.painPoints")}</label>
          <p className="field-hint" id="painPoints-hint">
            {t("shadowing.fields.painPointsHint")}
          </p>
          <textarea
            id="painPoints"
            name="painPoints"
            rows={4}
            defaultValue={values.painPoints}
            aria-describedby="painPoints-hint"
          />
          <ErrorList errors={errors("painPoints")} />
        </div>
        <fieldset className="choices">
          <legend>{t("shadowing.fields.reasons")}</legend>
          <Checkboxes name="reasons" options={reasons} checked={values.reasons} />
          <div className="field">
            <label htmlFor="newReason">{t("shadowing.fields.newReason")}</label>
            <input
              id="newReason"
              name="newReason"
              type="text"
              defaultValue={values.newReason}
              maxLength={SHADOW_LIMITS.reason}
            />
          </div>
          <ErrorList errors={errors("reasons")} />
        </fieldset>
        <div className="field-row">
          <CustomerNeedFields kano={values.kano} job={values.job} />
        </div>
        <fieldset className="choices">
          <legend>{t("shadowing.fields.behaviours")}</legend>
          <Checkboxes
            name="behaviours"
            options={behaviours.map((b) => ({ id: b.id, label: b.title }))}
            checked={values.behaviours}
          />
          <ErrorList errors={errors("behaviours")} />
        </fieldset>
        {submitted ? (
          <p className="muted">{t("shadowing.ideasInBacklog")}</p>
        ) : (
          <fieldset className="choices">
            <legend>{t("shadowing.fields.ideas")}</legend>
            <p className="field-hint">{t("shadowing.fields.ideasHint")}</p>
            {ideaRows.map((idea, i) => (
              <div className="field-row idea-row" key={i}>
                <div className="field">
                  <label htmlFor={`idea-${i}`}>{t("shadowing.fields.idea", { number: i + 1 })}</label>
                  <input
                    id={`idea-${i}`}
                    name="ideas"
                    type="text"
                    defaultValue={idea.text}
                    maxLength={SHADOW_LIMITS.idea}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`idea-touchpoint-${i}`}>{t("shadowing.fields.touchpoint")}</label>
                  <select id={`idea-touchpoint-${i}`} name="ideaTouchpoints" defaultValue={idea.touchpointId}>
                    <option value="">{t("stories.notSaid")}</option>
                    {touchpoints.map((tp) => (
                      <option key={tp.id} value={tp.id}>
                        {tp.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
            <ErrorList errors={errors("ideas")} />
          </fieldset>
        )}
        <p className="actions">
          {submitted ? null : (
            <button type="submit" name="intent" value="draft" className="button">
              {t("shadowing.saveDraft")}
            </button>
          )}
          <button type="submit" name="intent" value="submit" className="button button--primary">
            {submitted ? t("actions.save") : t("shadowing.submitNote")}
          </button>
        </p>
      </Form>
    </section>
  );
}
