import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, TextAreaField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { createDepartment, DepartmentSchema, listDepartments } from "#app/modules/departments/departments.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("admin.departments");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "departments:manage", undefined);
  const locale = await resolveLocale(request, user.locale);
  return { departments: sortByName(await listDepartments(getDb()), locale) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "departments:manage", undefined);
  const outcome = await handleSubmission(await request.formData(), DepartmentSchema, (value) =>
    createDepartment(getDb(), user.id, value),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/admin/departments/${outcome.value.slug}`, {
    key: "flash.departmentCreated",
    params: { name: outcome.submission.value.name },
  });
}

export default function AdminDepartments() {
  const t = useT();
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ name: string; slug: string; description: string }>({
    lastResult: actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="admin-departments-title">
      <h1 id="admin-departments-title">{t("admin.departments")}</h1>
      <details className="panel" open={Boolean(actionData)}>
        <summary className="panel__summary">{t("departments.createTitle")}</summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField field={fields.name} label={t("fields.name")} required />
          <TextField field={fields.slug} label={t("departments.slug")} hint={t("departments.slugHint")} />
          <TextAreaField field={fields.description} label={t("fields.description")} />
          <button type="submit" className="button button--primary">
            {t("departments.create")}
          </button>
        </Form>
      </details>
      <table className="table">
        <caption className="visually-hidden">{t("admin.departments")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("departments.slug")}</th>
            <th scope="col">{t("departments.managers")}</th>
            <th scope="col">{t("departments.members")}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/admin/departments/${d.slug}`}>{d.name}</Link>
              </td>
              <td>
                <code>{d.slug}</code>
              </td>
              <td>{d.managers.map((m) => m.name).join(", ") || "—"}</td>
              <td>{d.memberCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
