import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { addPeriods } from "#app/modules/kpis/formulas.ts";
import { startReview } from "#app/modules/reviews/commands.server.ts";
import { lastReviewEnd } from "#app/modules/reviews/queries.server.ts";
import { StartReviewSchema } from "#app/modules/reviews/schemas.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("reviews.startTitle");

/**
 * Starting a review: the period follows on from the last review (or is the
 * last month), up to today; the agenda is assembled on the review's page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { department } = await departmentAccess(request, params.slug, "review:run");
  const end = today();
  const last = await lastReviewEnd(getDb(), department.id);
  const followOn = last ? addPeriods(last, "day", 1) : null;
  const start = followOn && followOn <= end ? followOn : addPeriods(addPeriods(end, "month", -1), "day", 1);
  return { department: { slug: department.slug, name: department.name }, defaults: { start, end } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "review:run");
  const outcome = await handleSubmission(await request.formData(), StartReviewSchema, (value) =>
    startReview(getDb(), { actorId: user.id, departmentId: department.id, ...value, today: today() }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/departments/${department.slug}/reviews/${outcome.value}`, {
    key: "flash.reviewStarted",
  });
}

export default function NewReview() {
  const t = useT();
  const { department, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ periodStart: string; periodEnd: string }>({
    id: "start-review",
    lastResult: actionData?.result,
    defaultValue: { periodStart: defaults.start, periodEnd: defaults.end },
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="start-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}/reviews`}>
          {t("departments.reviewsTitle", { department: department.name })}
        </Link>
      </p>
      <h1 id="start-title">{t("reviews.startHeading", { department: department.name })}</h1>
      <p className="lead">{t("reviews.startLead")}</p>
      <Form method="post" {...getFormProps(form)} className="panel">
        <FormErrors errors={form.errors} />
        <div className="field-row">
          <TextField field={fields.periodStart} label={t("reviews.periodStart")} type="date" required />
          <TextField field={fields.periodEnd} label={t("reviews.periodEnd")} type="date" required />
        </div>
        <button type="submit" className="button button--primary">
          {t("reviews.start")}
        </button>
      </Form>
    </section>
  );
}
