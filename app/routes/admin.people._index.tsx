import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextField } from "#app/components/fields.tsx";
import { InvitationLink } from "#app/components/invitation-link.tsx";
import { MembershipFields } from "#app/components/membership-fields.tsx";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { ROLES } from "#app/modules/people/constants.ts";
import { deliverInvitationLink } from "#app/modules/people/invitation-link.server.ts";
import { invitePerson } from "#app/modules/people/invitations.server.ts";
import { listPeople } from "#app/modules/people/people.server.ts";
import { InviteSchema } from "#app/modules/people/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("admin.people");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:manage", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const [people, departments] = await Promise.all([listPeople(db), listDepartments(db)]);
  return {
    people: sortByName(people, locale, (p) => p.name || p.email),
    departments: sortByName(departments, locale).map((d) => ({ id: d.id, name: d.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:manage", undefined);
  const outcome = await handleSubmission(await request.formData(), InviteSchema, (value) =>
    invitePerson(getDb(), user.id, value),
  );
  if (!outcome.ok) return outcome.response;
  const email = outcome.submission.value.email;
  return {
    result: outcome.submission.reply({ resetForm: true }),
    invited: { email, userId: outcome.value.userId, link: deliverInvitationLink(request, email, outcome.value.token) },
  };
}

export default function People() {
  const t = useT();
  const { people, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ email: string; role: string }>({
    lastResult: actionData?.result,
    defaultValue: { role: "employee" },
    shouldRevalidate: "onSubmit",
  });
  const invited = actionData && "invited" in actionData ? actionData.invited : undefined;
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t("admin.people")}</h1>
      {invited ? <InvitationLink email={invited.email} link={invited.link} /> : null}
      <details className="panel" open={Boolean(form.errors || Object.values(fields).some((f) => f.errors))}>
        <summary className="panel__summary">{t("people.inviteTitle")}</summary>
        <Form method="post" {...getFormProps(form)} key={invited?.userId}>
          <FormErrors errors={form.errors} />
          <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="off" required />
          <SelectField
            field={fields.role}
            label={t("fields.role")}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <MembershipFields departments={departments} current={{}} legend={t("people.departmentsLegend")} />
          <button type="submit" className="button button--primary">
            {t("people.invite")}
          </button>
        </Form>
      </details>
      <table className="table">
        <caption className="visually-hidden">{t("admin.people")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("fields.role")}</th>
            <th scope="col">{t("people.statusLabel")}</th>
            <th scope="col">{t("people.departmentsLegend")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/admin/people/${p.id}`}>{p.name || t("people.noNameYet")}</Link>
              </td>
              <td>{p.email}</td>
              <td>{t(`roles.${p.role}`)}</td>
              <td>
                <span className={`status status--${p.status}`}>{t(`people.status.${p.status}`)}</span>
              </td>
              <td>
                {p.departments.map((d) => (d.isManager ? `${d.name} (${t("roles.manager")})` : d.name)).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
