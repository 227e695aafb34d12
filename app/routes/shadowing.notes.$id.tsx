import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { Markdown } from "#app/components/markdown.tsx";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { noteEditable } from "#app/modules/shadowing/commands.server.ts";
import { getNote } from "#app/modules/shadowing/queries.server.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("shadowing.noteTitle");

/** A submitted note: everyone may read what observers saw (it describes the process, not a person). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const found = UuidSchema.safeParse(params.id).success ? await getNote(getDb(), params.id!) : undefined;
  // A draft is its author's until submitted.
  const note = found && (found.status === "submitted" || found.authorId === user.id) ? found : null;
  assertFound(note);
  const locale = await resolveLocale(request, user.locale);
  return {
    note: { ...note, wentWellHtml: renderMarkdown(note.wentWell), painPointsHtml: renderMarkdown(note.painPoints) },
    behaviours: Object.values(await behaviourTags(note.behaviourIds, locale)).map((b) => b.title),
    canEdit: note.authorId === user.id && noteEditable({ createdAt: note.createdAt }),
    viewerId: user.id,
  };
}

export default function Note() {
  const t = useT();
  const format = useFormat();
  const { note, behaviours, canEdit, viewerId } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="note-title">
      <p className="breadcrumb">
        <Link to={`/departments/${note.departmentSlug}/shadowing`}>{note.departmentName}</Link> ·{" "}
        <Link to={`/shadowing/slots/${note.slotId}`}>{format.dateTime(note.startsAt)}</Link>
      </p>
      <h1 id="note-title">{t("shadowing.noteBy", { name: note.authorName, department: note.departmentName })}</h1>
      <p className="muted">
        {t(`stories.channels.${note.channel}`)}
        {note.hostName ? ` · ${t("shadowing.thanksTo", { name: note.hostName })}` : null}
        {note.status === "draft" ? ` · ${t("shadowing.draft")}` : null}
      </p>
      {canEdit ? (
        <p>
          <Link className="button" to={`/shadowing/slots/${note.slotId}/note`}>
            {t("shadowing.editNote")}
          </Link>
        </p>
      ) : null}
      {note.wentWell ? (
        <section aria-labelledby="went-well-title">
          <h2 id="went-well-title">{t("shadowing.fields.wentWell")}</h2>
          <Markdown html={note.wentWellHtml} />
        </section>
      ) : null}
      {note.painPoints ? (
        <section aria-labelledby="pain-title">
          <h2 id="pain-title">{t("shadowing.fields.painPoints")}</h2>
          <Markdown html={note.painPointsHtml} />
        </section>
      ) : null}
      <dl className="definition">
        {note.reasons.length ? (
          <>
            <dt>{t("shadowing.fields.reasons")}</dt>
            <dd>
              <ul className="tags">
                {note.reasons.map((r) => (
                  <li key={r.id} className="tag">
                    {r.label}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {note.kano ? (
          <>
            <dt>{t("stories.fields.kano")}</dt>
            <dd>{t(`stories.kano.${note.kano}`)}</dd>
          </>
        ) : null}
        {note.job ? (
          <>
            <dt>{t("stories.fields.job")}</dt>
            <dd>{t(`stories.jobs.${note.job}`)}</dd>
          </>
        ) : null}
        {behaviours.length ? (
          <>
            <dt>{t("shadowing.fields.behaviours")}</dt>
            <dd>{behaviours.join(" · ")}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="ideas-title">
        <h2 id="ideas-title">{t("shadowing.fields.ideas")}</h2>
        {note.improvements.length ? (
          <ul>
            {note.improvements.map((i) => (
              <li key={i.id}>
                {i.description}
                <span className="muted">
                  {i.touchpoint ? ` · ${i.touchpoint}` : null} · {t(`shadowing.status.${i.status}`)}
                </span>
              </li>
            ))}
          </ul>
        ) : note.ideas.length ? (
          <ul>
            {note.ideas.map((i, n) => (
              <li key={n}>{i.text}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("shadowing.noIdeas")}</p>
        )}
        {note.improvements.length ? (
          <p>
            <Link to={`/departments/${note.departmentSlug}/improvements`}>{t("shadowing.toBacklog")}</Link>
          </p>
        ) : null}
      </section>
      {/* The host is thanked, never rated. */}
      {note.hostId && note.hostId !== viewerId ? (
        <p>
          <Link className="button" to={`/recognition/new?note=${note.id}&to=${note.hostId}`}>
            {t("recognition.thankHost")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
