import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { ReviewTable } from "#app/modules/reviews/review-table.tsx";
import { listReviews } from "#app/modules/reviews/queries.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.reviews.title");

/** A department's CX reviews: its people read the finished ones; its managers (and leaders, admins) hold them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "review:read");
  const canRun = can(user, "review:run", department);
  const reviews = await listReviews(getDb(), {
    departmentIds: [department.id],
    openIn: canRun ? [department.id] : [],
  });
  return { department: { slug: department.slug, name: department.name }, reviews, canRun };
}

export default function DepartmentReviews() {
  const t = useT();
  const { department, reviews, canRun } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="reviews-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}`}>{department.name}</Link>
      </p>
      <div className="item-header">
        <h1 id="reviews-title">{t("departments.reviewsTitle", { department: department.name })}</h1>
        {canRun ? (
          <Link className="button button--primary" to={`/departments/${department.slug}/reviews/new`}>
            {t("reviews.start")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("reviews.lead")}</p>
      {reviews.length ? (
        <ReviewTable reviews={reviews} showDepartment={false} />
      ) : (
        <p className="notice">{canRun ? t("reviews.noneYetManager") : t("reviews.noneYet")}</p>
      )}
    </section>
  );
}
