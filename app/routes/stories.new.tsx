import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { createStory } from "#app/modules/stories/commands.server.ts";
import { checkPersonalData, storyFormOptions } from "#app/modules/stories/form-data.server.ts";
import { StorySchema, today } from "#app/modules/stories/schemas.server.ts";
import { StoryForm } from "#app/modules/stories/story-form.tsx";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("stories.write");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const locale = await resolveLocale(request, user.locale);
  return { options: await storyFormOptions(user, locale), today: today(), locale };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const formData = await request.formData();
  const publishing = intentOf(formData) === "publish";
  const outcome = await handleSubmission(formData, StorySchema, async (value) => {
    checkPersonalData(value, publishing);
    return createStory(getDb(), user.id, value, publishing);
  });
  if (!outcome.ok) return outcome.response;
  if (!publishing) return redirectWithFlash(`/stories/${outcome.value}/edit`, { key: "flash.storyDraftSaved" });
  return redirect(`/stories/${outcome.value}`);
}

export default function NewStory() {
  const t = useT();
  const { options, today: date, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-story-title">
      <h1 id="new-story-title">{t("stories.write")}</h1>
      <p className="lead">{t("stories.writeLead")}</p>
      <StoryForm
        options={options}
        result={actionData?.result}
        today={date}
        isPublished={false}
        cancelTo="/stories"
        defaults={{
          title: "",
          body: "",
          channel: "",
          happenedOn: date,
          departmentId: options.departments[0]?.id ?? "",
          language: locale,
          behaviours: [],
          colleagues: [],
          consent: "",
          kano: "",
          job: "",
        }}
      />
    </section>
  );
}
