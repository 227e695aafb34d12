import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug } from "#app/modules/departments/departments.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.reviews.title");

/** A department's CX reviews: its managers (and leaders) only. The reviews issue fills this page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  const department = await getDepartmentBySlug(getDb(), params.slug ?? "");
  assertFound(department);
  await requirePermission(request, "department:manage", department);
  return { department: { slug: department.slug, name: department.name } };
}

export default function DepartmentReviews() {
  const { t } = useTranslation();
  const { department } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="reviews-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}`}>{department.name}</Link>
      </p>
      <h1 id="reviews-title">{t("departments.reviewsTitle", { department: department.name })}</h1>
      <div className="notice">
        <h2>{t("areas.comingTitle")}</h2>
        <p>{t("areas.reviews.coming")}</p>
      </div>
    </section>
  );
}
