import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField } from "#app/components/fields.tsx";
import { InvitationLink } from "#app/components/invitation-link.tsx";
import { MembershipFields } from "#app/components/membership-fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { ROLES } from "#app/modules/people/constants.ts";
import { deliverInvitationLink } from "#app/modules/people/invitation-link.server.ts";
import { reissueInvitation } from "#app/modules/people/invitations.server.ts";
import { getPerson, setPersonActive, updatePerson } from "#app/modules/people/people.server.ts";
import { UpdatePersonSchema } from "#app/modules/people/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("admin.people");

async function loadPerson(id: string | undefined) {
  const parsed = UuidSchema.safeParse(id);
  const person = parsed.success ? await getPerson(getDb(), parsed.data) : undefined;
  assertFound(person);
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:manage", undefined);
  const person = await loadPerson(params.id);
  const locale = await resolveLocale(request, user.locale);
  const departments = sortByName(await listDepartments(getDb()), locale).map((d) => ({ id: d.id, name: d.name }));
  return { person, departments, isSelf: person.id === user.id };
}

const NoFields = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:manage", undefined);
  const person = await loadPerson(params.id);
  const db = getDb();
  const formData = await request.formData();
  const here = `/admin/people/${person.id}`;
  switch (intentOf(formData)) {
    case "update": {
      const outcome = await handleSubmission(formData, UpdatePersonSchema, (value) =>
        updatePerson(db, user.id, person.id, value),
      );
      return outcome.ok ? redirectWithFlash(here, { key: "flash.personSaved" }) : outcome.response;
    }
    case "deactivate":
    case "reactivate": {
      const active = intentOf(formData) === "reactivate";
      const outcome = await handleSubmission(formData, NoFields, () => setPersonActive(db, user.id, person.id, active));
      if (!outcome.ok) return outcome.response;
      return redirectWithFlash(here, { key: active ? "flash.personReactivated" : "flash.personDeactivated" });
    }
    case "reinvite": {
      const outcome = await handleSubmission(formData, NoFields, () => reissueInvitation(db, user.id, person.id));
      if (!outcome.ok) return outcome.response;
      return {
        result: undefined,
        invited: { email: person.email, link: deliverInvitationLink(request, person.email, outcome.value) },
      };
    }
    default:
      return data({ result: undefined }, { status: 400 });
  }
}

export default function Person() {
  const t = useT();
  const { person, departments, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ role: string }>({
    lastResult: actionData?.result,
    defaultValue: { role: person.role },
    shouldRevalidate: "onSubmit",
  });
  const invited = actionData && "invited" in actionData ? actionData.invited : undefined;
  const current = Object.fromEntries(
    person.departments.map((d) => [d.id, d.isManager ? "manager" : "member"] as const),
  );
  return (
    <section aria-labelledby="person-title">
      <p className="breadcrumb">
        <Link to="/admin/people">{t("admin.people")}</Link>
      </p>
      <h1 id="person-title">{person.name || person.email}</h1>
      <p>
        {person.email} ·{" "}
        <span className={`status status--${person.status}`}>{t(`people.status.${person.status}`)}</span>
      </p>
      {invited ? <InvitationLink email={invited.email} link={invited.link} /> : null}
      <FormErrors errors={form.errors} />
      <div className="two-columns">
        <section aria-labelledby="access-title" className="panel">
          <h2 id="access-title">{t("people.roleAndDepartments")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="update" />
            <SelectField
              field={fields.role}
              label={t("fields.role")}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <MembershipFields departments={departments} current={current} legend={t("people.departmentsLegend")} />
            <button type="submit" className="button button--primary">
              {t("actions.save")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="account-title" className="panel">
          <h2 id="account-title">{t("people.account")}</h2>
          {person.status === "invited" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reinvite" />
              <p className="muted">{t("people.reinviteHelp")}</p>
              <button type="submit" className="button">
                {t("people.reinvite")}
              </button>
            </Form>
          ) : null}
          {person.status === "deactivated" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reactivate" />
              <button type="submit" className="button">
                {t("people.reactivate")}
              </button>
            </Form>
          ) : isSelf ? (
            <p className="muted">{t("people.cannotDeactivateSelf")}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <p className="muted">{t("people.deactivateHelp")}</p>
              <button type="submit" className="button button--danger">
                {t("people.deactivate")}
              </button>
            </Form>
          )}
        </section>
      </div>
    </section>
  );
}
