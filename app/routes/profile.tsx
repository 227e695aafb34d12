import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { FormErrors, NewPasswordFields, SelectField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { LOCALE_NAMES, LOCALES } from "#app/i18n/i18n.ts";
import { localeCookie, resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission, startSession } from "#app/modules/auth/session.server.ts";
import { LocaleSchema, NameSchema } from "#app/modules/forms.ts";
import { changePassword, getPerson, updateProfile } from "#app/modules/people/people.server.ts";
import { ChangePasswordSchema } from "#app/modules/people/schemas.server.ts";
import { listStories } from "#app/modules/stories/queries.server.ts";
import { recognitionPanel } from "#app/modules/recognition/panel.server.ts";
import { RecognitionPanel } from "#app/modules/recognition/recognition-panel.tsx";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("profile.title");

const ProfileSchema = z.object({ name: NameSchema, locale: LocaleSchema });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const person = await getPerson(db, user.id);
  const [written, named, recognition] = await Promise.all([
    listStories(db, user, {}, { authorId: user.id, limit: 10 }),
    listStories(db, user, {}, { namedUserId: user.id, limit: 10 }),
    recognitionPanel({ viewerId: user.id, recipientId: user.id }, await resolveLocale(request, user.locale)),
  ]);
  return {
    recognition,
    stories: {
      written: written.items.map((s) => ({ id: s.id, title: s.title })),
      named: named.items.map((s) => ({ id: s.id, title: s.title })),
    },
    person: {
      name: person?.name ?? user.name,
      email: user.email,
      role: user.role,
      locale: person?.locale ?? null,
      since: person?.created_at ?? null,
      departments: user.departments,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const formData = await request.formData();
  switch (intentOf(formData)) {
    case "profile": {
      const outcome = await handleSubmission(formData, ProfileSchema, (value) => updateProfile(db, user.id, value));
      if (!outcome.ok) return outcome.response;
      const headers = { "Set-Cookie": await localeCookie.serialize(outcome.submission.value.locale) };
      return redirectWithFlash("/profile", { key: "flash.profileSaved" }, headers);
    }
    case "password": {
      const outcome = await handleSubmission(
        formData,
        ChangePasswordSchema,
        (value) => changePassword(db, user.id, value),
        { hideFields: ["currentPassword", "newPassword", "confirmPassword"] },
      );
      if (!outcome.ok) return outcome.response;
      // Every other session ended with the change; this browser gets a new one.
      const headers = { "Set-Cookie": await startSession(db, user.id) };
      return redirectWithFlash("/profile", { key: "flash.passwordChanged" }, headers);
    }
    default:
      return data({ result: undefined }, { status: 400 });
  }
}

export default function Profile() {
  const t = useT();
  const format = useFormat();
  const { person, stories, recognition } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [profileForm, profileFields] = useForm<{ name: string; locale: string }>({
    id: "profile",
    lastResult: actionData?.result?.initialValue?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { name: person.name, locale: person.locale ?? "en" },
    shouldRevalidate: "onSubmit",
  });
  const [passwordForm, passwordFields] = useForm<{
    currentPassword: string;
    newPassword: string;
    confirmPassword: string;
  }>({
    id: "password",
    lastResult: actionData?.result?.initialValue?.intent === "password" ? actionData.result : undefined,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">{t("profile.title")}</h1>
      <dl className="facts">
        <dt>{t("fields.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("fields.role")}</dt>
        <dd>{t(`roles.${person.role}`)}</dd>
        <dt>{t("profile.departments")}</dt>
        <dd>
          {person.departments.length ? (
            <ul className="inline-list">
              {person.departments.map((d) => (
                <li key={d.id}>
                  <Link to={`/departments/${d.slug}`}>{d.name}</Link>
                  {d.isManager ? ` (${t("roles.manager")})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            t("profile.noDepartments")
          )}
        </dd>
        {person.since ? (
          <>
            <dt>{t("profile.memberSince")}</dt>
            <dd>{format.date(person.since)}</dd>
          </>
        ) : null}
      </dl>

      <div className="two-columns">
        {(["written", "named"] as const).map((which) => (
          <section key={which} aria-labelledby={`stories-${which}`} className="panel">
            <h2 id={`stories-${which}`}>{t(which === "written" ? "stories.yours" : "stories.namedIn")}</h2>
            {stories[which].length ? (
              <ul className="plain-list">
                {stories[which].map((s) => (
                  <li key={s.id}>
                    <Link to={`/stories/${s.id}`}>{s.title}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">—</p>
            )}
          </section>
        ))}
      </div>

      <RecognitionPanel
        id="recognition-title"
        title={t("recognition.receivedTitle")}
        panel={recognition}
        more="/recognition"
      />

      <div className="two-columns">
        <section aria-labelledby="details-title" className="panel">
          <h2 id="details-title">{t("profile.details")}</h2>
          <Form method="post" {...getFormProps(profileForm)}>
            <input type="hidden" name="intent" value="profile" />
            <FormErrors errors={profileForm.errors} />
            <TextField field={profileFields.name} label={t("fields.name")} autoComplete="name" required />
            <SelectField
              field={profileFields.locale}
              label={t("fields.language")}
              options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
            />
            <button type="submit" className="button button--primary">
              {t("actions.save")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="password-title" className="panel">
          <h2 id="password-title">{t("profile.changePassword")}</h2>
          <p className="muted">{t("profile.changePasswordLead")}</p>
          <Form method="post" {...getFormProps(passwordForm)}>
            <input type="hidden" name="intent" value="password" />
            <FormErrors errors={passwordForm.errors} />
            <TextField
              field={passwordFields.currentPassword}
              label={t("fields.currentPassword")}
              type="password"
              autoComplete="current-password"
              required
            />
            <NewPasswordFields password={passwordFields.newPassword} confirm={passwordFields.confirmPassword} />
            <button type="submit" className="button">
              {t("profile.changePassword")}
            </button>
          </Form>
        </section>
      </div>
    </section>
  );
}
