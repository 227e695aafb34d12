import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import {
  AddMemberSchema,
  getDepartmentBySlug,
  listDepartmentMembers,
  setDepartmentMember,
  updateDepartment,
} from "#app/modules/departments/departments.server.ts";
import { NameSchema, UuidSchema } from "#app/modules/forms.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("admin.departments");

const RenameSchema = z.object({ name: NameSchema, description: z.string().trim().max(4000).default("") });
const MemberLevelSchema = z.object({ userId: UuidSchema, level: z.enum(["member", "manager", "none"]) });

async function loadDepartment(slug: string | undefined) {
  const department = await getDepartmentBySlug(getDb(), slug ?? "");
  assertFound(department);
  return department;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "departments:manage", undefined);
  const department = await loadDepartment(params.slug);
  const locale = await resolveLocale(request, user.locale);
  const members = sortByName(await listDepartmentMembers(getDb(), department.id), locale, (m) => m.name || m.email);
  return { department, members };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "departments:manage", undefined);
  const department = await loadDepartment(params.slug);
  const db = getDb();
  const formData = await request.formData();
  const here = `/admin/departments/${department.slug}`;
  switch (intentOf(formData)) {
    case "rename": {
      const outcome = await handleSubmission(formData, RenameSchema, (value) =>
        updateDepartment(db, user.id, department.id, value),
      );
      return outcome.ok ? redirectWithFlash(here, { key: "flash.departmentSaved" }) : outcome.response;
    }
    case "add-member": {
      const outcome = await handleSubmission(formData, AddMemberSchema, (value) =>
        setDepartmentMember(db, user.id, department.id, value),
      );
      return outcome.ok ? redirectWithFlash(here, { key: "flash.memberSaved" }) : outcome.response;
    }
    case "member-level": {
      const outcome = await handleSubmission(formData, MemberLevelSchema, (value) =>
        setDepartmentMember(db, user.id, department.id, value),
      );
      return outcome.ok ? redirectWithFlash(here, { key: "flash.memberSaved" }) : outcome.response;
    }
    default:
      return data({ result: undefined }, { status: 400 });
  }
}

export default function AdminDepartment() {
  const t = useT();
  const { department, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const intent = actionData?.result?.initialValue?.intent;
  const [renameForm, renameFields] = useForm<{ name: string; description: string }>({
    id: "rename",
    lastResult: intent === "rename" ? actionData?.result : undefined,
    defaultValue: { name: department.name, description: department.description },
    shouldRevalidate: "onSubmit",
  });
  const [addForm, addFields] = useForm<{ email: string; level: string }>({
    id: "add-member",
    lastResult: intent === "add-member" ? actionData?.result : undefined,
    defaultValue: { level: "member" },
    shouldRevalidate: "onSubmit",
  });
  const levelOptions = (["member", "manager", "none"] as const).map((l) => ({
    value: l,
    label: t(l === "none" ? "departments.removeMember" : `people.membership.${l}`),
  }));
  return (
    <section aria-labelledby="department-title">
      <p className="breadcrumb">
        <Link to="/admin/departments">{t("admin.departments")}</Link>
      </p>
      <h1 id="department-title">{department.name}</h1>
      <p className="muted">
        <Link to={`/departments/${department.slug}`}>/departments/{department.slug}</Link>
      </p>
      <div className="two-columns">
        <section aria-labelledby="rename-title" className="panel">
          <h2 id="rename-title">{t("departments.nameAndDescription")}</h2>
          <Form method="post" {...getFormProps(renameForm)}>
            <input type="hidden" name="intent" value="rename" />
            <FormErrors errors={renameForm.errors} />
            <TextField field={renameFields.name} label={t("fields.name")} required />
            <TextAreaField field={renameFields.description} label={t("fields.description")} rows={5} />
            <button type="submit" className="button button--primary">
              {t("actions.save")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="add-title" className="panel">
          <h2 id="add-title">{t("departments.addMember")}</h2>
          <Form method="post" {...getFormProps(addForm)}>
            <input type="hidden" name="intent" value="add-member" />
            <FormErrors errors={addForm.errors} />
            <TextField field={addFields.email} label={t("fields.email")} type="email" autoComplete="off" required />
            <SelectField field={addFields.level} label={t("departments.level")} options={levelOptions.slice(0, 2)} />
            <button type="submit" className="button">
              {t("departments.add")}
            </button>
          </Form>
        </section>
      </div>
      <table className="table">
        <caption>{t("departments.membersAndManagers")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("departments.level")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.name || t("people.noNameYet")}</td>
              <td>{m.email}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="member-level" />
                  <input type="hidden" name="userId" value={m.id} />
                  <label htmlFor={`level-${m.id}`} className="visually-hidden">
                    {t("departments.levelFor", { name: m.name || m.email })}
                  </label>
                  <select id={`level-${m.id}`} name="level" defaultValue={m.isManager ? "manager" : "member"}>
                    {levelOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button button--small">
                    {t("actions.update")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
