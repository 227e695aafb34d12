import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { ErrorList, FormErrors } from "#app/components/fields.tsx";
import { Markdown } from "#app/components/markdown.tsx";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound, forbidden } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import type { CurrentUser } from "#app/modules/people/actor.server.ts";
import { authorize, can, type Decision, type StorySubject } from "#app/modules/policy/policy.ts";
import {
  addComment,
  deleteStory,
  setFeaturedForReview,
  setStoryHidden,
  setStoryOfWeek,
  toggleReaction,
} from "#app/modules/stories/commands.server.ts";
import { REACTION_EMOJI, REACTIONS, STORY_LIMITS } from "#app/modules/stories/constants.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { getStory } from "#app/modules/stories/queries.server.ts";
import { CommentSchema, HideSchema, ReactionSchema } from "#app/modules/stories/schemas.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("areas.stories.title");

async function visibleStory(user: CurrentUser, id: string | undefined) {
  const parsed = UuidSchema.safeParse(id);
  const found = parsed.success ? await getStory(getDb(), user, parsed.data) : undefined;
  assertFound(found);
  const subject: StorySubject = {
    authorId: found.story.author_id,
    departmentId: found.story.department_id,
    departmentName: found.story.department_name,
  };
  return { found, subject };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const { found, subject } = await visibleStory(user, params.id);
  const { story } = found;
  const locale = await resolveLocale(request, user.locale);
  return {
    story: {
      id: story.id,
      title: story.title,
      bodyHtml: renderMarkdown(story.body),
      language: story.language,
      status: story.status,
      channel: story.channel,
      consent: story.consent,
      kano: story.kano,
      job: story.job,
      happenedOn: story.happened_on,
      publishedAt: story.published_at,
      authorName: story.author_name,
      departmentName: story.department_name,
      departmentSlug: story.department_slug,
      hiddenReason: story.hidden_reason,
      hiddenByName: story.hidden_by_name,
      featured: story.featured_for_review_at !== null,
      storyOfWeek: story.story_of_week_at !== null,
    },
    tags: await behaviourTags(found.behaviourIds, locale),
    behaviourIds: found.behaviourIds,
    colleagues: found.colleagues,
    reactions: REACTIONS.map((kind) => {
      const by = found.reactions.filter((r) => r.kind === kind);
      return { kind, count: by.length, names: by.map((r) => r.name), mine: by.some((r) => r.user_id === user.id) };
    }),
    comments: found.comments.map(({ body, ...comment }) => ({ ...comment, bodyHtml: renderMarkdown(body) })),
    viewerId: user.id,
    can: {
      edit: can(user, "story:edit", subject),
      moderate: can(user, "story:moderate", subject),
      feature: can(user, "story:feature", subject),
      storyOfWeek: can(user, "story:story-of-week", undefined),
    },
  };
}

const NoFields = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const { found, subject } = await visibleStory(user, params.id);
  const db = getDb();
  const id = found.story.id;
  const formData = await request.formData();
  const here = `/stories/${id}`;
  const guard = (decision: Decision) => {
    if (!decision.allowed) throw forbidden(decision);
  };
  const published = found.story.status === "published";
  switch (intentOf(formData)) {
    case "react": {
      if (!published) break;
      const outcome = await handleSubmission(formData, ReactionSchema, ({ kind }) =>
        toggleReaction(db, user.id, id, kind),
      );
      return outcome.ok
        ? redirectWithFlash(`${here}#reactions`, {
            key: `flash.reaction${outcome.value === "added" ? "Added" : "Removed"}`,
          })
        : outcome.response;
    }
    case "comment": {
      if (!published) break;
      const outcome = await handleSubmission(formData, CommentSchema, ({ body }) => addComment(db, user.id, id, body));
      return outcome.ok ? redirectWithFlash(`${here}#comments`, { key: "flash.commentAdded" }) : outcome.response;
    }
    case "delete": {
      guard(authorize(user, "story:edit", subject));
      const outcome = await handleSubmission(formData, NoFields, () => deleteStory(db, user.id, id));
      return outcome.ok ? redirectWithFlash("/stories", { key: "flash.storyDeleted" }) : outcome.response;
    }
    case "hide": {
      guard(authorize(user, "story:moderate", subject));
      const outcome = await handleSubmission(formData, HideSchema, ({ reason }) =>
        setStoryHidden(db, user.id, id, reason),
      );
      return outcome.ok ? redirectWithFlash(here, { key: "flash.storyHidden" }) : outcome.response;
    }
    case "unhide": {
      guard(authorize(user, "story:moderate", subject));
      await setStoryHidden(db, user.id, id, null);
      return redirectWithFlash(here, { key: "flash.storyShown" });
    }
    case "feature":
    case "unfeature": {
      guard(authorize(user, "story:feature", subject));
      await setFeaturedForReview(db, user.id, id, intentOf(formData) === "feature");
      return redirectWithFlash(here, { key: "flash.storySaved" });
    }
    case "story-of-week": {
      guard(authorize(user, "story:story-of-week", undefined));
      if (!published || found.story.consent === "internal_only") break;
      await setStoryOfWeek(db, user.id, id);
      return redirectWithFlash(here, { key: "flash.storyOfWeekSet" });
    }
  }
  return data({ result: undefined }, { status: 400 });
}

export default function StoryPage() {
  const t = useT();
  const format = useFormat();
  const {
    story,
    tags,
    behaviourIds,
    colleagues,
    reactions,
    comments,
    viewerId,
    can: allowed,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result?.error ?? {};
  const intent = actionData?.result?.initialValue?.intent;
  return (
    <article aria-labelledby="story-title" className="story">
      <p className="breadcrumb">
        <Link to="/stories">{t("areas.stories.title")}</Link>
      </p>
      {story.status === "draft" ? <p className="notice">{t("stories.draftNotice")}</p> : null}
      {story.hiddenReason ? (
        <div className="notice notice--warning" role="status">
          <p>{t("stories.hiddenNotice", { name: story.hiddenByName ?? "—" })}</p>
          <p>
            <strong>{t("stories.reason")}:</strong> {story.hiddenReason}
          </p>
        </div>
      ) : null}
      <h1 id="story-title" lang={story.language}>
        {story.title}
      </h1>
      <p className="muted">
        {t("stories.byline", { name: story.authorName, date: format.date(story.happenedOn) })} ·{" "}
        <Link to={`/stories?department=${story.departmentSlug}`}>{story.departmentName}</Link>
        {story.storyOfWeek ? <span className="badge">{t("stories.storyOfWeek")}</span> : null}
        {story.featured ? <span className="badge">{t("stories.featured")}</span> : null}
      </p>
      <ul className="tags" aria-label={t("stories.tags")}>
        <li className="tag tag--channel">{t(`stories.channels.${story.channel}`)}</li>
        {behaviourIds.map((id) => (
          <li key={id} className="tag">
            <Link to={`/behaviours/${id}`}>{tags[id]?.title ?? "—"}</Link>
          </li>
        ))}
        <li className="tag tag--muted">{t(`stories.consents.${story.consent}`)}</li>
        {story.kano ? <li className="tag tag--muted">{t(`stories.kano.${story.kano}`)}</li> : null}
        {story.job ? <li className="tag tag--muted">{t(`stories.jobs.${story.job}`)}</li> : null}
      </ul>
      <div lang={story.language}>
        <Markdown className="story__body" html={story.bodyHtml} />
      </div>
      {colleagues.length ? (
        <p>
          <strong>{t("stories.withColleagues")}:</strong> {colleagues.map((c) => c.name).join(", ")}
          {story.status === "published" && colleagues.some((c) => c.id !== viewerId) ? (
            <>
              {" "}
              <Link
                className="button button--small"
                to={`/recognition/new?story=${story.id}&${colleagues
                  .filter((c) => c.id !== viewerId)
                  .map((c) => `to=${c.id}`)
                  .join("&")}`}
              >
                {t("recognition.thankThem")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      {story.status === "published" ? (
        <section aria-labelledby="reactions" className="reactions">
          <h2 id="reactions" className="visually-hidden">
            {t("stories.reactionsTitle")}
          </h2>
          {reactions.map((r) => (
            <Form method="post" key={r.kind} className="reaction">
              <input type="hidden" name="intent" value="react" />
              <input type="hidden" name="kind" value={r.kind} />
              <button
                type="submit"
                className={r.mine ? "button button--small button--pressed" : "button button--small"}
                aria-pressed={r.mine}
                title={r.names.join(", ")}
              >
                <span aria-hidden="true">{REACTION_EMOJI[r.kind]}</span> {t(`stories.reactions.${r.kind}`)} · {r.count}
              </button>
            </Form>
          ))}
          {reactions.some((r) => r.count) ? (
            <details className="who-reacted">
              <summary>{t("stories.whoReacted")}</summary>
              <ul className="plain-list">
                {reactions
                  .filter((r) => r.count)
                  .map((r) => (
                    <li key={r.kind}>
                      <span aria-hidden="true">{REACTION_EMOJI[r.kind]}</span> {t(`stories.reactions.${r.kind}`)}:{" "}
                      {r.names.join(", ")}
                    </li>
                  ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}

      {allowed.edit || allowed.moderate || allowed.feature || allowed.storyOfWeek ? (
        <section aria-labelledby="manage-title" className="panel">
          <h2 id="manage-title">{t("stories.manage")}</h2>
          <div className="toolbar">
            {allowed.edit ? (
              <Link to={`/stories/${story.id}/edit`} className="button">
                {t("stories.edit")}
              </Link>
            ) : null}
            {allowed.feature && story.status === "published" ? (
              <Form method="post">
                <input type="hidden" name="intent" value={story.featured ? "unfeature" : "feature"} />
                <button type="submit" className="button">
                  {story.featured ? t("stories.unfeature") : t("stories.feature")}
                </button>
              </Form>
            ) : null}
            {allowed.storyOfWeek &&
            story.status === "published" &&
            story.consent !== "internal_only" &&
            !story.storyOfWeek ? (
              <Form method="post">
                <input type="hidden" name="intent" value="story-of-week" />
                <button type="submit" className="button">
                  {t("stories.makeStoryOfWeek")}
                </button>
              </Form>
            ) : null}
            {allowed.edit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="button button--danger">
                  {t("stories.delete")}
                </button>
              </Form>
            ) : null}
          </div>
          {allowed.moderate && story.status === "published" ? (
            story.hiddenReason ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unhide" />
                <button type="submit" className="button">
                  {t("stories.unhide")}
                </button>
              </Form>
            ) : (
              <Form method="post" className="inline-add">
                <input type="hidden" name="intent" value="hide" />
                <div className="field">
                  <label htmlFor="hide-reason">{t("stories.hideReason")}</label>
                  <input
                    id="hide-reason"
                    name="reason"
                    type="text"
                    maxLength={STORY_LIMITS.reason}
                    aria-invalid={intent === "hide" && errors.reason ? true : undefined}
                    aria-describedby={intent === "hide" && errors.reason ? "hide-reason-error" : undefined}
                  />
                  <ErrorList id="hide-reason-error" errors={intent === "hide" ? errors.reason : undefined} />
                </div>
                <button type="submit" className="button button--danger">
                  {t("stories.hide")}
                </button>
              </Form>
            )
          ) : null}
        </section>
      ) : null}

      {story.status === "published" ? (
        <section aria-labelledby="comments" className="comments">
          <h2 id="comments">{t("stories.commentsTitle", { count: comments.length })}</h2>
          <ol className="plain-list">
            {comments.map((c) => (
              <li key={c.id} className="comment">
                <p className="muted">
                  <strong>{c.author_name}</strong> · {format.dateTime(c.created_at)}
                </p>
                <Markdown html={c.bodyHtml} />
              </li>
            ))}
          </ol>
          <Form method="post" className="comment-form">
            <input type="hidden" name="intent" value="comment" />
            <FormErrors errors={intent === "comment" ? errors[""] : undefined} />
            <div className="field">
              <label htmlFor="comment-body">{t("stories.addComment")}</label>
              <textarea
                id="comment-body"
                name="body"
                rows={3}
                maxLength={STORY_LIMITS.comment}
                aria-invalid={intent === "comment" && errors.body ? true : undefined}
                aria-describedby={intent === "comment" && errors.body ? "comment-body-error" : undefined}
              />
              <ErrorList id="comment-body-error" errors={intent === "comment" ? errors.body : undefined} />
            </div>
            <button type="submit" className="button">
              {t("stories.postComment")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
