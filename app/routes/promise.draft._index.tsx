import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "#app/i18n/use-t.ts";
import type { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { ErrorList, FormErrors } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { LOCALE_NAMES, LOCALES } from "#app/i18n/i18n.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import {
  addBehaviour,
  addPillar,
  deleteItem,
  discardDraft,
  moveItem,
  publishDraft,
  saveHeader,
  startDraft,
  updateBehaviour,
  updatePillar,
} from "#app/modules/promise/commands.server.ts";
import { getDraftId, loadPromise } from "#app/modules/promise/queries.server.ts";
import {
  AddBehaviourSchema,
  AddPillarSchema,
  BehaviourSchema,
  DeleteSchema,
  HeaderSchema,
  LIMITS,
  MoveSchema,
  PillarSchema,
  RevisionSchema,
} from "#app/modules/promise/schemas.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("promise.draftTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "promise:edit", undefined);
  const db = getDb();
  const draftId = await getDraftId(db);
  return { draft: draftId ? ((await loadPromise(db, draftId)) ?? null) : null };
}

const HERE = "/promise/draft";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "promise:edit", undefined);
  const db = getDb();
  const formData = await request.formData();
  const intent = intentOf(formData);
  const run = async <S extends z.ZodTypeAny>(
    schema: S,
    command: (value: z.output<S>) => Promise<unknown>,
    anchor = "",
  ) => {
    const outcome = await handleSubmission(formData, schema, command);
    return outcome.ok ? redirectWithFlash(`${HERE}${anchor}`, { key: "flash.draftSaved" }) : outcome.response;
  };
  switch (intent) {
    case "start":
      await startDraft(db, user.id);
      return redirect(HERE);
    case "header":
      return run(HeaderSchema, (v) => saveHeader(db, v));
    case "add-pillar":
      return run(AddPillarSchema, (v) => addPillar(db, v), "#add-pillar");
    case "pillar":
      return run(PillarSchema, (v) => updatePillar(db, v), `#pillar-${String(formData.get("pillarRowId"))}`);
    case "add-behaviour":
      return run(AddBehaviourSchema, (v) => addBehaviour(db, v), `#pillar-${String(formData.get("pillarRowId"))}`);
    case "behaviour":
      return run(BehaviourSchema, (v) => updateBehaviour(db, v), `#item-${String(formData.get("behaviourRowId"))}`);
    case "move":
      return run(MoveSchema, (v) => moveItem(db, v), `#item-${String(formData.get("rowId"))}`);
    case "delete":
      return run(DeleteSchema, (v) => deleteItem(db, v));
    case "publish": {
      const outcome = await handleSubmission(formData, RevisionSchema, (v) => publishDraft(db, user.id, v.revision));
      if (!outcome.ok) return outcome.response;
      return redirectWithFlash("/promise", {
        key: "flash.promisePublished",
        params: { number: String(outcome.value) },
      });
    }
    case "discard": {
      const outcome = await handleSubmission(formData, RevisionSchema, (v) => discardDraft(db, user.id, v.revision));
      return outcome.ok ? redirectWithFlash("/promise", { key: "flash.draftDiscarded" }) : outcome.response;
    }
    default:
      return data({ result: undefined }, { status: 400 });
  }
}

type ActionResult = {
  result?: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };
};

/** The answer to the form identified by intent (and row), if it was the one submitted. */
function useFormResult(intent: string, rowKey?: string, rowId?: string) {
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const result = actionData?.result;
  const initial = result?.initialValue;
  if (!initial || initial.intent !== intent || (rowKey && initial[rowKey] !== rowId)) return undefined;
  return { values: initial as Record<string, string>, errors: result.error ?? {} };
}

function DraftForm({
  intent,
  revision,
  rowKey,
  rowId,
  children,
  className,
  label,
}: {
  intent: string;
  revision: number;
  rowKey?: string;
  rowId?: string;
  children: (result: ReturnType<typeof useFormResult>) => ReactNode;
  className?: string;
  label?: string;
}) {
  const result = useFormResult(intent, rowKey, rowId);
  return (
    <Form method="post" action={HERE} className={className} aria-label={label}>
      <FormErrors errors={result?.errors[""] ?? undefined} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      {rowKey && rowId ? <input type="hidden" name={rowKey} value={rowId} /> : null}
      {children(result)}
    </Form>
  );
}

function Field({
  name,
  label,
  defaultValue,
  result,
  id,
  multiline,
  rows = 3,
  maxLength,
}: {
  name: string;
  label: string;
  defaultValue: string;
  result: ReturnType<typeof useFormResult>;
  id: string;
  multiline?: boolean;
  rows?: number;
  maxLength: number;
}) {
  const errors = result?.errors[name] ?? undefined;
  const value = result?.values[name] ?? defaultValue;
  const common = {
    id,
    name,
    defaultValue: value,
    maxLength,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": errors ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

function MoveDelete({
  rowId,
  revision,
  first,
  last,
  name,
}: {
  rowId: string;
  revision: number;
  first: boolean;
  last: boolean;
  name: string;
}) {
  const t = useT();
  return (
    <div className="item-tools">
      {(["up", "down"] as const).map((direction) =>
        (direction === "up" && first) || (direction === "down" && last) ? null : (
          <Form method="post" action={HERE} key={direction}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="revision" value={revision} />
            <input type="hidden" name="rowId" value={rowId} />
            <input type="hidden" name="direction" value={direction} />
            <button
              type="submit"
              className="button button--small"
              aria-label={t(`promise.move.${direction}`, { name })}
            >
              {direction === "up" ? "↑" : "↓"}
            </button>
          </Form>
        ),
      )}
      <Form method="post" action={HERE}>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="rowId" value={rowId} />
        <button
          type="submit"
          className="button button--small button--danger"
          aria-label={t("promise.deleteItem", { name })}
        >
          {t("actions.delete")}
        </button>
      </Form>
    </div>
  );
}

export default function DraftEditor() {
  const t = useT();
  const { draft } = useLoaderData<typeof loader>();
  if (!draft) {
    return (
      <section aria-labelledby="draft-title">
        <h1 id="draft-title">{t("promise.draftTitle")}</h1>
        <p className="lead">{t("promise.startLead")}</p>
        <Form method="post" action={HERE}>
          <input type="hidden" name="intent" value="start" />
          <button type="submit" className="button button--primary">
            {t("promise.startDraft")}
          </button>
        </Form>
      </section>
    );
  }
  const rev = draft.revision;
  return (
    <section aria-labelledby="draft-title" className="draft-editor">
      <p className="breadcrumb">
        <Link to="/promise">{t("areas.promise.title")}</Link>
      </p>
      <h1 id="draft-title">{t("promise.draftTitle")}</h1>
      <p className="lead">{t("promise.draftLead")}</p>
      <p className="toolbar">
        <Link className="button" to="/promise/draft/preview">
          {t("promise.preview")}
        </Link>
        <Link className="button" to="/promise/draft/translations">
          {t("promise.translations")}
        </Link>
      </p>

      <section aria-labelledby="header-title" className="panel">
        <h2 id="header-title">{t("promise.titleAndIntro")}</h2>
        <DraftForm intent="header" revision={rev}>
          {(result) => (
            <>
              <Field
                id="promise-title"
                name="title"
                label={t("promise.fields.title")}
                defaultValue={draft.title}
                result={result}
                maxLength={LIMITS.title}
              />
              <Field
                id="promise-intro"
                name="intro"
                label={t("promise.fields.intro")}
                defaultValue={draft.intro}
                result={result}
                multiline
                rows={5}
                maxLength={LIMITS.text}
              />
              <div className="field">
                <label htmlFor="promise-source-locale">{t("promise.fields.sourceLocale")}</label>
                <select
                  id="promise-source-locale"
                  name="sourceLocale"
                  defaultValue={result?.values.sourceLocale ?? draft.sourceLocale}
                >
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {LOCALE_NAMES[l]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--primary">
                {t("actions.save")}
              </button>
            </>
          )}
        </DraftForm>
      </section>

      <ol className="pillars pillars--editor">
        {draft.pillars.map((pillar, pIndex) => (
          <li key={pillar.id} id={`pillar-${pillar.id}`} className="panel pillar">
            <div className="item-header">
              <h2>
                {t("promise.pillarN", { count: pIndex + 1 })}: {pillar.title || "—"}
              </h2>
              <MoveDelete
                rowId={pillar.id}
                revision={rev}
                first={pIndex === 0}
                last={pIndex === draft.pillars.length - 1}
                name={pillar.title}
              />
            </div>
            <DraftForm
              intent="pillar"
              revision={rev}
              rowKey="pillarRowId"
              rowId={pillar.id}
              label={t("promise.editPillar", { name: pillar.title })}
            >
              {(result) => (
                <>
                  <Field
                    id={`pillar-title-${pillar.id}`}
                    name="title"
                    label={t("promise.fields.pillarTitle")}
                    defaultValue={pillar.title}
                    result={result}
                    maxLength={LIMITS.title}
                  />
                  <Field
                    id={`pillar-body-${pillar.id}`}
                    name="body"
                    label={t("promise.fields.pillarBody")}
                    defaultValue={pillar.body}
                    result={result}
                    multiline
                    maxLength={LIMITS.text}
                  />
                  <button type="submit" className="button">
                    {t("promise.savePillar")}
                  </button>
                </>
              )}
            </DraftForm>
            <h3>{t("promise.behaviours")}</h3>
            <ol className="behaviours behaviours--editor">
              {pillar.behaviours.map((b, bIndex) => (
                <li key={b.id} id={`item-${b.id}`} className="behaviour">
                  <div className="item-header">
                    <h4>{b.title || "—"}</h4>
                    <MoveDelete
                      rowId={b.id}
                      revision={rev}
                      first={bIndex === 0}
                      last={bIndex === pillar.behaviours.length - 1}
                      name={b.title}
                    />
                  </div>
                  <DraftForm
                    intent="behaviour"
                    revision={rev}
                    rowKey="behaviourRowId"
                    rowId={b.id}
                    label={t("promise.editBehaviour", { name: b.title })}
                  >
                    {(result) => (
                      <>
                        <Field
                          id={`behaviour-title-${b.id}`}
                          name="title"
                          label={t("promise.fields.behaviourTitle")}
                          defaultValue={b.title}
                          result={result}
                          maxLength={LIMITS.title}
                        />
                        <Field
                          id={`behaviour-description-${b.id}`}
                          name="description"
                          label={t("promise.fields.description")}
                          defaultValue={b.description}
                          result={result}
                          multiline
                          maxLength={LIMITS.text}
                        />
                        <Field
                          id={`behaviour-examples-${b.id}`}
                          name="examples"
                          label={t("promise.fields.examples")}
                          defaultValue={b.examples}
                          result={result}
                          multiline
                          maxLength={LIMITS.text}
                        />
                        <button type="submit" className="button">
                          {t("promise.saveBehaviour")}
                        </button>
                      </>
                    )}
                  </DraftForm>
                </li>
              ))}
            </ol>
            <DraftForm
              intent="add-behaviour"
              revision={rev}
              rowKey="pillarRowId"
              rowId={pillar.id}
              className="inline-add"
            >
              {(result) => (
                <>
                  <Field
                    id={`new-behaviour-${pillar.id}`}
                    name="title"
                    label={t("promise.newBehaviour")}
                    defaultValue=""
                    result={result}
                    maxLength={LIMITS.title}
                  />
                  <button type="submit" className="button">
                    {t("promise.addBehaviour")}
                  </button>
                </>
              )}
            </DraftForm>
          </li>
        ))}
      </ol>

      <section aria-labelledby="add-pillar" className="panel">
        <h2 id="add-pillar">{t("promise.addPillar")}</h2>
        <DraftForm intent="add-pillar" revision={rev} className="inline-add">
          {(result) => (
            <>
              <Field
                id="new-pillar"
                name="title"
                label={t("promise.fields.pillarTitle")}
                defaultValue=""
                result={result}
                maxLength={LIMITS.title}
              />
              <button type="submit" className="button">
                {t("promise.addPillar")}
              </button>
            </>
          )}
        </DraftForm>
      </section>

      <section aria-labelledby="publish-title" className="panel panel--publish">
        <h2 id="publish-title">{t("promise.publishTitle")}</h2>
        <p>{t("promise.publishLead")}</p>
        <DraftForm intent="publish" revision={rev}>
          {() => (
            <button type="submit" className="button button--primary">
              {t("promise.publish")}
            </button>
          )}
        </DraftForm>
        <DraftForm intent="discard" revision={rev} className="discard">
          {() => (
            <button type="submit" className="button button--danger">
              {t("promise.discard")}
            </button>
          )}
        </DraftForm>
      </section>
    </section>
  );
}
