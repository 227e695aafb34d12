import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { can, seesAllDepartments } from "#app/modules/policy/policy.ts";
import { ReviewTable } from "#app/modules/reviews/review-table.tsx";
import { listReviews } from "#app/modules/reviews/queries.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.reviews.title");

/**
 * The CX reviews a person may read: leaders and admins every department's,
 * everyone else their own departments'. Open reviews only where they hold them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const all = seesAllDepartments(user);
  const reviews = await listReviews(getDb(), {
    departmentIds: all ? undefined : user.departments.map((d) => d.id),
    openIn: all ? "all" : user.departments.filter((d) => can(user, "review:run", d)).map((d) => d.id),
  });
  return {
    reviews,
    runnable: user.departments.filter((d) => can(user, "review:run", d)).map((d) => ({ slug: d.slug, name: d.name })),
  };
}

export default function Reviews() {
  const t = useT();
  const { reviews, runnable } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t("areas.reviews.title")}</h1>
      <p className="lead">{t("reviews.lead")}</p>
      {runnable.length ? (
        <p className="actions">
          {runnable.map((d) => (
            <Link key={d.slug} className="button" to={`/departments/${d.slug}/reviews/new`}>
              {t("reviews.startFor", { department: d.name })}
            </Link>
          ))}
        </p>
      ) : null}
      {reviews.length ? (
        <ReviewTable reviews={reviews} showDepartment />
      ) : (
        <p className="notice">{t("reviews.noneYet")}</p>
      )}
    </section>
  );
}
