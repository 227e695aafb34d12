import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { FormErrors } from "#app/components/fields.tsx";

/** "I have read it": one click, posted to /promise; or when it was done. */
export function AcknowledgePanel({
  versionId,
  number,
  acknowledgedAt,
  errors,
}: {
  versionId: string;
  number: number;
  acknowledgedAt: string | null;
  errors?: string[];
}) {
  const t = useT();
  if (acknowledgedAt) {
    return <p className="acknowledged">{t("promise.acknowledgedOn", { number, date: acknowledgedAt })}</p>;
  }
  return (
    <Form method="post" action="/promise" className="notice acknowledge">
      <FormErrors errors={errors} />
      <p>{t("promise.pleaseAcknowledge", { number })}</p>
      <input type="hidden" name="intent" value="acknowledge" />
      <input type="hidden" name="versionId" value={versionId} />
      <button type="submit" className="button button--primary">
        {t("promise.acknowledge")}
      </button>
    </Form>
  );
}
