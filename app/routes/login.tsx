import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, TextField } from "#app/components/fields.tsx";
import { clientIp } from "#app/http.server.ts";
import { endSession, getCurrentUser, startSession } from "#app/modules/auth/session.server.ts";
import { safeRedirect, signIn, SignInSchema } from "#app/modules/auth/sign-in.server.ts";
import { titled } from "#app/utils/meta.ts";
import { parseWithZod } from "@conform-to/zod";

export const meta = titled("auth.signInTitle");

// Public: signing in is what an anonymous visitor may do.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(db, { email, password, ip: clientIp(request) });
  if (!result.ok) {
    const formErrors =
      result.reason === "throttled" ? [`auth.throttled:${result.minutes}`] : ["auth.invalidCredentials"];
    return data(
      { result: submission.reply({ formErrors, hideFields: ["password"] }) },
      { status: result.reason === "throttled" ? 429 : 400 },
    );
  }
  // A new session id at every sign-in: any session the browser had is ended first.
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(db, request));
  headers.append("Set-Cookie", await startSession(db, result.userId));
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<{ email: string; password: string; redirectTo: string }>({
    lastResult: actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.signInTitle")}</h1>
      <p className="lead">{t("auth.signInLead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="username" required />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--primary">
          {t("auth.signIn")}
        </button>
      </Form>
      <p className="muted">{t("auth.noAccount")}</p>
    </section>
  );
}
