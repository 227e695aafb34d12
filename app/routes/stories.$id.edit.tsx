import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound, forbidden } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import type { CurrentUser } from "#app/modules/people/actor.server.ts";
import { authorize } from "#app/modules/policy/policy.ts";
import { updateStory } from "#app/modules/stories/commands.server.ts";
import { checkPersonalData, storyFormOptions } from "#app/modules/stories/form-data.server.ts";
import { getStory } from "#app/modules/stories/queries.server.ts";
import { StorySchema, today } from "#app/modules/stories/schemas.server.ts";
import { StoryForm } from "#app/modules/stories/story-form.tsx";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("stories.edit");

/** The story, if the signed-in person is its author (404 if they cannot see it, 403 if not theirs). */
async function ownStory(user: CurrentUser, id: string | undefined) {
  const parsed = UuidSchema.safeParse(id);
  const found = parsed.success ? await getStory(getDb(), user, parsed.data) : undefined;
  assertFound(found);
  const decision = authorize(user, "story:edit", {
    authorId: found.story.author_id,
    departmentId: found.story.department_id,
    departmentName: found.story.department_name,
  });
  if (!decision.allowed) throw forbidden(decision);
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const { story, behaviourIds, colleagues } = await ownStory(user, params.id);
  const locale = await resolveLocale(request, user.locale);
  return {
    options: await storyFormOptions(user, locale),
    today: today(),
    story: {
      id: story.id,
      status: story.status,
      values: {
        title: story.title,
        body: story.body,
        channel: story.channel,
        happenedOn: story.happened_on,
        departmentId: story.department_id,
        language: story.language,
        behaviours: behaviourIds,
        colleagues: colleagues.map((c) => c.id),
        consent: story.consent,
        kano: story.kano ?? "",
        job: story.job ?? "",
      },
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const { story } = await ownStory(user, params.id);
  const formData = await request.formData();
  const publishing = intentOf(formData) === "publish";
  const outcome = await handleSubmission(formData, StorySchema, async (value) => {
    checkPersonalData(value, publishing);
    await updateStory(getDb(), user.id, story.id, value, publishing);
  });
  if (!outcome.ok) return outcome.response;
  return publishing
    ? redirectWithFlash(`/stories/${story.id}`, { key: "flash.storySaved" })
    : redirectWithFlash(`/stories/${story.id}/edit`, { key: "flash.storyDraftSaved" });
}

export default function EditStory() {
  const t = useT();
  const { options, today: date, story } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-story-title">
      <h1 id="edit-story-title">{story.status === "draft" ? t("stories.editDraft") : t("stories.edit")}</h1>
      <StoryForm
        options={options}
        result={actionData?.result}
        today={date}
        isPublished={story.status === "published"}
        cancelTo={`/stories/${story.id}`}
        defaults={story.values}
      />
    </section>
  );
}
