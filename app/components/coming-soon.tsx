import { useT } from "#app/i18n/use-t.ts";

/** An area of the product that comes next: what it will do, in the reader's language. */
export function ComingSoon({
  area,
}: {
  area: "promise" | "stories" | "shadowing" | "kpis" | "reviews" | "recognition";
}) {
  const t = useT();
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title">{t(`areas.${area}.title`)}</h1>
      <p className="lead">{t(`areas.${area}.summary`)}</p>
      <div className="notice">
        <h2>{t("areas.comingTitle")}</h2>
        <p>{t(`areas.${area}.coming`)}</p>
      </div>
    </section>
  );
}
