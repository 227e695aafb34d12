import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import type { Decision } from "#app/modules/policy/policy.ts";
import { useRequestId } from "#app/nonce.tsx";
import { lastFailedRequestId } from "#app/request-ids.client.ts";

/**
 * The one error page of the app: 404 says what was not found, 403 says what
 * the visitor would need to be, 500 gives a reference that is in the log.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const documentRequestId = useRequestId();

  if (isRouteErrorResponse(error) && error.status === 403) {
    const denial = (error.data as { denial?: Decision } | null)?.denial;
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{t("errors.forbiddenTitle")}</h1>
        <p>{describeDenial(denial, t)}</p>
        <p>
          <Link to="/">{t("errors.backHome")}</Link>
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    const notFound = error.status === 404 || error.status === 410;
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{notFound ? t("errors.notFoundTitle") : t("errors.badRequestTitle")}</h1>
        <p>{notFound ? t("errors.notFoundBody") : t("errors.badRequestBody")}</p>
        <p>
          <Link to="/">{t("errors.backHome")}</Link>
        </p>
      </section>
    );
  }
  const reference = (typeof window !== "undefined" && lastFailedRequestId()) || documentRequestId;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t("errors.serverTitle")}</h1>
      <p>{t("errors.serverBody")}</p>
      {reference ? (
        <p>
          {t("errors.reference")}: <code className="reference">{reference}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}

function describeDenial(denial: Decision | undefined, t: (key: string, options?: Record<string, string>) => string) {
  if (!denial || denial.allowed) return t("errors.forbiddenBody");
  switch (denial.reason) {
    case "manager":
      return t("errors.needManager", { department: denial.department });
    case "role":
      return t("errors.needRole", { role: t(`roles.${denial.role}`) });
    case "leaderOrManager":
      return t("errors.needLeaderOrManager");
    case "author":
      return t("errors.needAuthor");
    case "ownDepartment":
      return t("errors.ownDepartment", { department: denial.department });
    case "member":
      return t("errors.needMember", { department: denial.department });
    case "employee":
      return t("errors.needEmployee");
    case "theirManager":
      return t("errors.needTheirManager");
    default:
      return t("errors.forbiddenBody");
  }
}
