import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { DEFAULT_MIN_SAMPLE } from "#app/modules/kpis/constants.ts";
import { useKpiFormat } from "#app/modules/kpis/kpi-format.ts";
import { EXAMPLES, METRICS } from "#app/modules/kpis/metrics.ts";
import { findTemplate } from "#app/modules/kpis/templates.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("kpis.definitions.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  const metric = params.metric ?? "";
  assertFound(METRICS.includes(metric) ? metric : null);
  const template = findTemplate(metric);
  return {
    metric,
    survey: template ? template.kind !== "number" : false,
    direction: template?.direction ?? null,
    aggregation: template?.aggregation ?? null,
    example: EXAMPLES[metric]?.() ?? null,
    minSample: DEFAULT_MIN_SAMPLE,
  };
}

/** One metric: the formula in words, the scale, the minimum sample, where the data comes from, and an example. */
export default function Definition() {
  const t = useT();
  const format = useKpiFormat();
  const { metric, survey, direction, aggregation, example, minSample } = useLoaderData<typeof loader>();
  const key = `kpis.metrics.${metric}`;
  return (
    <article aria-labelledby="definition-title">
      <p className="breadcrumb">
        <Link to="/kpis">{t("kpis.overviewTitle")}</Link> ·{" "}
        <Link to="/kpis/definitions">{t("kpis.definitions.all")}</Link>
      </p>
      <h1 id="definition-title">{t(`${key}.name`)}</h1>
      <p className="lead">{t(`${key}.summary`)}</p>
      <dl className="definition">
        <dt>{t("kpis.definitions.formula")}</dt>
        <dd>{t(`${key}.formula`)}</dd>
        <dt>{t("kpis.definitions.scale")}</dt>
        <dd>{t(`${key}.scale`)}</dd>
        {direction ? (
          <>
            <dt>{t("kpis.definitions.direction")}</dt>
            <dd>{t(`kpis.directions.${direction}`)}</dd>
          </>
        ) : null}
        <dt>{t("kpis.definitions.minimumSample")}</dt>
        <dd>
          {survey
            ? t("kpis.definitions.minimumSampleSurvey", { count: minSample })
            : t("kpis.definitions.minimumSampleNumber")}
        </dd>
        <dt>{t("kpis.definitions.source")}</dt>
        <dd>{survey ? t("kpis.definitions.sourceSurvey") : t("kpis.definitions.sourceReadings")}</dd>
        <dt>{t("kpis.definitions.longerPeriods")}</dt>
        <dd>
          {survey
            ? t("kpis.definitions.longerSurvey")
            : aggregation === "sum"
              ? t("kpis.definitions.longerSum")
              : aggregation === "weighted"
                ? t("kpis.definitions.longerWeighted")
                : t("kpis.definitions.longerEither")}
        </dd>
      </dl>
      {example ? (
        <section aria-labelledby="example-title" className="panel">
          <h2 id="example-title">{t("kpis.definitions.example")}</h2>
          <table className="table">
            <caption className="visually-hidden">{t("kpis.definitions.example")}</caption>
            <tbody>
              {example.inputs.map((input) => (
                <tr key={input.key}>
                  <th scope="row">{t(`kpis.definitions.inputs.${input.key}`)}</th>
                  <td>{input.value}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t(`${key}.name`)}</th>
                <td>
                  <strong>{example.result === null ? "—" : format.value(example.unit, example.result)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
    </article>
  );
}
