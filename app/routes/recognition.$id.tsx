import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import {
  editRecognition,
  setRecognitionHidden,
  toggleRecognitionReaction,
} from "#app/modules/recognition/commands.server.ts";
import { RECOGNITION_LIMITS } from "#app/modules/recognition/constants.ts";
import { getRecognition } from "#app/modules/recognition/queries.server.ts";
import { RecognitionList } from "#app/modules/recognition/recognition-list.tsx";
import { EditRecognitionSchema, HideRecognitionSchema } from "#app/modules/recognition/schemas.ts";
import { behaviourOptions, behaviourTags } from "#app/modules/stories/labels.server.ts";
import { ReactionSchema } from "#app/modules/stories/schemas.server.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";
import { z } from "zod";

export const meta = titled("areas.recognition.title");

/** One recognition. Hidden ones: only their author (who sees why) and admins. */
async function load(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "app:use", undefined);
  const item = UuidSchema.safeParse(id).success
    ? await getRecognition(getDb(), { id: id!, viewerId: user.id })
    : undefined;
  assertFound(item);
  const canHide = can(user, "recognition:hide", undefined);
  if (item.hiddenReason !== null && item.authorId !== user.id && !canHide) assertFound(undefined);
  const editable =
    item.authorId === user.id && Date.now() - item.createdAt.getTime() <= RECOGNITION_LIMITS.editableHours * 3_600_000;
  return { user, item, canHide, editable };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, item, canHide, editable } = await load(request, params.id);
  const locale = await resolveLocale(request, user.locale);
  return {
    item,
    behaviours: await behaviourTags([item.behaviourId], locale),
    behaviourChoices: editable ? behaviourOptions(await currentBehaviourOptions(getDb()), locale) : [],
    canHide,
    editable,
  };
}

const NoFields = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, item, canHide } = await load(request, params.id);
  const db = getDb();
  const formData = await request.formData();
  const here = `/recognition/${item.id}`;
  switch (intentOf(formData)) {
    case "react": {
      if (item.hiddenReason !== null) break;
      const outcome = await handleSubmission(formData, ReactionSchema, ({ kind }) =>
        toggleRecognitionReaction(db, { userId: user.id, id: item.id, kind }),
      );
      if (!outcome.ok) return outcome.response;
      return redirectWithFlash(here, { key: `flash.reaction${outcome.value === "added" ? "Added" : "Removed"}` });
    }
    case "edit": {
      // The command checks that the actor is the author, within the time allowed.
      const outcome = await handleSubmission(formData, EditRecognitionSchema, (value) =>
        editRecognition(db, { actorId: user.id, id: item.id, ...value }),
      );
      if (!outcome.ok) return outcome.response;
      return redirectWithFlash(here, { key: "flash.recognitionSaved" });
    }
    case "hide":
    case "unhide": {
      await requirePermission(request, "recognition:hide", undefined);
      const hiding = intentOf(formData) === "hide";
      const outcome = hiding
        ? await handleSubmission(formData, HideRecognitionSchema, ({ reason }) =>
            setRecognitionHidden(db, { actorId: user.id, id: item.id, reason }),
          )
        : await handleSubmission(formData, NoFields, () =>
            setRecognitionHidden(db, { actorId: user.id, id: item.id, reason: null }),
          );
      if (!outcome.ok) return outcome.response;
      return redirectWithFlash(canHide ? here : "/recognition", {
        key: hiding ? "flash.recognitionHidden" : "flash.recognitionShown",
      });
    }
  }
  return new Response("Unknown intent", { status: 400 });
}

export default function Recognition() {
  const t = useT();
  const { item, behaviours, behaviourChoices, canHide, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const sent = result?.initialValue as { intent?: string } | null | undefined;
  const [editForm, editFields] = useForm<{ message: string; behaviourId: string }>({
    id: "edit-recognition",
    lastResult: sent?.intent === "edit" ? result : undefined,
    defaultValue: { message: item.message, behaviourId: item.behaviourId },
    shouldRevalidate: "onSubmit",
  });
  const [hideForm, hideFields] = useForm<{ reason: string }>({
    id: "hide-recognition",
    lastResult: sent?.intent === "hide" ? result : undefined,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="recognition-title">
      <p className="breadcrumb">
        <Link to="/recognition">{t("areas.recognition.title")}</Link>
      </p>
      <h1 id="recognition-title">{t("recognition.oneTitle", { name: item.authorName })}</h1>
      <RecognitionList items={[item]} behaviours={behaviours} reactTo={item.hiddenReason ? undefined : ""} />
      {editable ? (
        <section aria-labelledby="edit-title" className="panel">
          <h2 id="edit-title">{t("recognition.editTitle")}</h2>
          <p className="muted">{t("recognition.editHint")}</p>
          <Form method="post" {...getFormProps(editForm)}>
            <FormErrors errors={editForm.errors} />
            <TextAreaField field={editFields.message} label={t("recognition.message")} rows={4} />
            <SelectField
              field={editFields.behaviourId}
              label={t("recognition.behaviour")}
              options={behaviourChoices.map((b) => ({ value: b.id, label: b.title }))}
            />
            <input type="hidden" name="intent" value="edit" />
            <button type="submit" className="button">
              {t("actions.save")}
            </button>
          </Form>
        </section>
      ) : null}
      {canHide ? (
        <section aria-labelledby="hide-title" className="panel">
          <h2 id="hide-title">{t("recognition.moderateTitle")}</h2>
          {item.hiddenReason ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unhide" />
              <button type="submit" className="button">
                {t("recognition.unhide")}
              </button>
            </Form>
          ) : (
            <Form method="post" {...getFormProps(hideForm)}>
              <FormErrors errors={hideForm.errors} />
              <TextField field={hideFields.reason} label={t("recognition.hideReason")} />
              <input type="hidden" name="intent" value="hide" />
              <button type="submit" className="button">
                {t("recognition.hide")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </section>
  );
}
