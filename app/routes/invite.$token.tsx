import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, NewPasswordFields, TextField } from "#app/components/fields.tsx";
import { endSession, startSession } from "#app/modules/auth/session.server.ts";
import { INVITATION_DAYS } from "#app/modules/people/constants.ts";
import { acceptInvitation, findInvitation } from "#app/modules/people/invitations.server.ts";
import { AcceptInvitationSchema } from "#app/modules/people/schemas.server.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";
import { titled } from "#app/utils/meta.ts";
import { CommandError } from "#app/modules/forms.ts";

export const meta = titled("invite.title");

// Public: the token in the link is the permission. Unknown, used and expired links answer 410.
export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(getDb(), params.token ?? "");
  if (invitation.state !== "valid") return data({ valid: false as const, email: null }, { status: 410 });
  return { valid: true as const, email: invitation.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const outcome = await handleSubmission(
    await request.formData(),
    AcceptInvitationSchema,
    async (value) => {
      const accepted = await acceptInvitation(db, token, value);
      if (!accepted) throw CommandError.field("form", "invite.invalid");
      return accepted;
    },
    { hideFields: ["password", "confirmPassword"] },
  );
  if (!outcome.ok) return outcome.response;
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(db, request));
  headers.append("Set-Cookie", await startSession(db, outcome.value.userId));
  return redirect("/", { headers });
}

export default function AcceptInvitation() {
  const t = useT();
  const invitation = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ name: string; password: string; confirmPassword: string }>({
    lastResult: actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  if (!invitation.valid) {
    return (
      <section className="auth-card" aria-labelledby="invite-title">
        <h1 id="invite-title">{t("invite.invalidTitle")}</h1>
        <p>{t("invite.invalidBody", { days: INVITATION_DAYS })}</p>
        <p>
          <Link to="/login">{t("auth.signIn")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="auth-card" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.title")}</h1>
      <p className="lead">{t("invite.lead", { email: invitation.email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.name} label={t("fields.name")} autoComplete="name" required />
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
        <button type="submit" className="button button--primary">
          {t("invite.submit")}
        </button>
      </Form>
    </section>
  );
}
