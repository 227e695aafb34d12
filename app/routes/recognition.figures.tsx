import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { MiniBars } from "#app/components/mini-bars.tsx";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { recognitionFigures } from "#app/modules/recognition/queries.server.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("recognition.figuresTitle");

const MONTHS = 12;

/**
 * Where customer focus is celebrated and where it is quiet: recognition given
 * and received per department, and per behaviour, month by month. Leaders and
 * admins; departments and behaviours only, never a ranking of people.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recognition:figures", undefined);
  const locale = await resolveLocale(request, user.locale);
  const [figures, current] = await Promise.all([
    recognitionFigures(getDb(), { months: MONTHS }),
    currentBehaviourOptions(getDb()),
  ]);
  // Every behaviour of the promise, the quiet ones too (a behaviour nobody is thanked for is news).
  const zero = figures.months.map(() => 0);
  const ids = [...new Set([...current.map((b) => b.behaviourId), ...figures.behaviours.map((b) => b.behaviourId)])];
  const behaviours = ids.map(
    (behaviourId) => figures.behaviours.find((b) => b.behaviourId === behaviourId) ?? { behaviourId, received: zero },
  );
  return {
    figures: { ...figures, behaviours },
    behaviours: await behaviourTags(ids, locale),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export default function RecognitionFigures() {
  const t = useT();
  const format = useFormat();
  const { figures, behaviours } = useLoaderData<typeof loader>();
  const span = t("recognition.figuresSpan", {
    from: format.month(`${figures.months[0]}-01`),
    to: format.month(`${figures.months.at(-1)}-01`),
  });
  const bars = (values: number[], what: string) => (
    <span className="figure">
      <MiniBars values={values} label={`${what}: ${values.join(", ")}`} width={180} height={32} />
      <span>{format.number(sum(values))}</span>
    </span>
  );
  return (
    <section aria-labelledby="figures-title">
      <p className="breadcrumb">
        <Link to="/recognition">{t("areas.recognition.title")}</Link>
      </p>
      <h1 id="figures-title">{t("recognition.figuresTitle")}</h1>
      <p className="lead">{t("recognition.figuresLead")}</p>
      <p className="muted">{t("recognition.barsHint")}</p>
      <table className="table">
        <caption>{t("recognition.byDepartment", { span })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stories.fields.department")}</th>
            <th scope="col">{t("recognition.given")}</th>
            <th scope="col">{t("recognition.received")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.departments.map((d) => (
            <tr key={d.slug}>
              <th scope="row">
                <Link to={`/recognition?department=${d.slug}`}>{d.name}</Link>
              </th>
              <td>{bars(d.given, t("recognition.givenPerMonth", { name: d.name }))}</td>
              <td>{bars(d.received, t("recognition.receivedPerMonth", { name: d.name }))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t("recognition.byBehaviour", { span })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("recognition.behaviour")}</th>
            <th scope="col">{t("recognition.received")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.behaviours.map((b) => {
            const title = behaviours[b.behaviourId]?.title ?? "—";
            return (
              <tr key={b.behaviourId}>
                <th scope="row">
                  <Link to={`/recognition?behaviour=${b.behaviourId}`}>{title}</Link>
                </th>
                <td>{bars(b.received, t("recognition.receivedPerMonth", { name: title }))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
