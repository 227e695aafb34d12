import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useT } from "#app/i18n/use-t.ts";
import { useFormat } from "#app/utils/format.ts";
import { REACTION_EMOJI, REACTIONS } from "./constants.ts";

export interface StoryCardData {
  id: string;
  title: string;
  excerpt: string;
  headline: string | null;
  authorId: string;
  authorName: string;
  departmentName: string;
  departmentSlug: string;
  channel: string;
  happenedOn: string;
  status: "draft" | "published";
  hidden: boolean;
  featured: boolean;
  consent: string;
  behaviourIds: string[];
  reactions: Partial<Record<(typeof REACTIONS)[number], number>>;
  comments: number;
}

/** Search matches come between \u0002 and \u0003 (see queries.server.ts): shown as <mark>, never as HTML. */
function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("\u0002") ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}

type Tags = Record<string, { title: string; retired: boolean }>;

/** A list of story cards. The hooks run once for the list, not once per card. */
export function StoryList({ stories, tags }: { stories: StoryCardData[]; tags: Tags }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="story-list">
      {stories.map((story) => (
        <StoryCard key={story.id} story={story} tags={tags} t={t} format={format} />
      ))}
    </div>
  );
}

function StoryCard({
  story,
  tags,
  t,
  format,
}: {
  story: StoryCardData;
  tags: Tags;
  t: TFunction;
  format: ReturnType<typeof useFormat>;
}) {
  return (
    <article className="card story-card" aria-labelledby={`story-${story.id}`}>
      <h2 id={`story-${story.id}`}>
        <Link to={`/stories/${story.id}`}>{story.title}</Link>
        {story.status === "draft" ? <span className="badge badge--muted">{t("stories.draft")}</span> : null}
        {story.hidden ? <span className="badge badge--warning">{t("stories.hidden")}</span> : null}
        {story.consent === "internal_only" ? (
          <span className="badge badge--muted">{t("stories.consents.internal_only")}</span>
        ) : null}
      </h2>
      <p className="muted story-card__meta">
        <Link to={`/stories?author=${story.authorId}`}>{story.authorName}</Link> ·{" "}
        <Link to={`/stories?department=${story.departmentSlug}`}>{story.departmentName}</Link> ·{" "}
        {format.date(story.happenedOn)}
      </p>
      <p>{story.headline ? <Highlighted text={story.headline} /> : story.excerpt}</p>
      <ul className="tags" aria-label={t("stories.tags")}>
        <li className="tag tag--channel">{t(`stories.channels.${story.channel}`)}</li>
        {story.behaviourIds.map((id) =>
          tags[id] ? (
            <li key={id} className="tag">
              <Link to={`/behaviours/${id}`}>{tags[id].title}</Link>
            </li>
          ) : null,
        )}
      </ul>
      <p className="muted story-card__counts">
        {REACTIONS.filter((r) => story.reactions[r]).map((r) => (
          <span key={r} className="count">
            <span aria-hidden="true">{REACTION_EMOJI[r]}</span>
            <span className="visually-hidden">{t(`stories.reactions.${r}`)}:</span> {story.reactions[r]}
          </span>
        ))}
        <span className="count">{t("stories.commentCount", { count: story.comments })}</span>
        {story.featured ? <span className="badge">{t("stories.featured")}</span> : null}
      </p>
    </article>
  );
}
