import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { CHANNELS } from "#app/modules/stories/constants.ts";
import { KPI_AGGREGATIONS, KPI_DIRECTIONS, KPI_KINDS, KPI_PERIODS, KPI_UNITS } from "./constants.ts";

export interface KpiFormValues {
  key: string;
  name: string;
  description: string;
  template: string;
  kind: string;
  unit: string;
  direction: string;
  aggregation: string;
  target: string;
  warning: string;
  period: string;
  channel: string;
  slaSeconds: string;
  minSample: string;
}

type Result = SubmissionResult<string[]> | undefined;

/** Defining a KPI (new: key and kind too; editing keeps both). Works without JavaScript. */
export function KpiForm({
  defaults,
  result,
  isNew,
  cancelTo,
}: {
  defaults: KpiFormValues;
  result: Result;
  isNew: boolean;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm<KpiFormValues>({
    lastResult: result,
    defaultValue: defaults,
    shouldRevalidate: "onSubmit",
  });
  const choices = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <Form method="post" {...getFormProps(form)} className="kpi-form">
      <FormErrors errors={form.errors} />
      {isNew ? <input type="hidden" name={fields.template.name} value={defaults.template} /> : null}
      <TextField field={fields.name} label={t("fields.name")} required />
      {isNew ? (
        <TextField field={fields.key} label={t("kpis.fields.key")} hint={t("kpis.fields.keyHint")} required />
      ) : null}
      <TextAreaField field={fields.description} label={t("fields.description")} rows={3} />
      <div className="field-row">
        {isNew ? (
          <SelectField field={fields.kind} label={t("kpis.fields.kind")} options={choices(KPI_KINDS, "kpis.kinds")} />
        ) : null}
        <SelectField field={fields.unit} label={t("kpis.fields.unit")} options={choices(KPI_UNITS, "kpis.units")} />
        <SelectField
          field={fields.direction}
          label={t("kpis.fields.direction")}
          options={choices(KPI_DIRECTIONS, "kpis.directions")}
        />
      </div>
      <div className="field-row">
        <TextField field={fields.target} label={t("kpis.target")} required />
        <TextField field={fields.warning} label={t("kpis.fields.warning")} hint={t("kpis.fields.warningHint")} />
        <TextField field={fields.minSample} label={t("kpis.fields.minSample")} hint={t("kpis.fields.minSampleHint")} />
      </div>
      <div className="field-row">
        <SelectField
          field={fields.period}
          label={t("kpis.fields.period")}
          options={choices(KPI_PERIODS, "kpis.periods")}
        />
        <SelectField
          field={fields.aggregation}
          label={t("kpis.fields.aggregation")}
          options={choices(KPI_AGGREGATIONS, "kpis.aggregations")}
        />
      </div>
      <div className="field-row">
        <SelectField
          field={fields.channel}
          label={t("kpis.fields.channel")}
          options={[{ value: "", label: t("kpis.fields.anyChannel") }, ...choices(CHANNELS, "stories.channels")]}
        />
        <TextField field={fields.slaSeconds} label={t("kpis.fields.slaSeconds")} hint={t("kpis.fields.slaHint")} />
      </div>
      <p className="actions">
        <button type="submit" className="button button--primary">
          {isNew ? t("kpis.create") : t("actions.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("actions.cancel")}
        </Link>
      </p>
    </Form>
  );
}
