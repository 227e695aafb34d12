import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import type { recognitionPanel } from "./panel.server.ts";
import { RecognitionList } from "./recognition-list.tsx";

/** A page's section of recognition, with a link to the wall filtered the same way. */
export function RecognitionPanel({
  id,
  title,
  panel,
  more,
}: {
  id: string;
  title: string;
  panel: Awaited<ReturnType<typeof recognitionPanel>>;
  more: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {panel.items.length ? (
        <>
          <RecognitionList items={panel.items} behaviours={panel.behaviours} />
          <p>
            <Link to={more}>{t("recognition.seeAll")}</Link>
          </p>
        </>
      ) : (
        <p className="muted">{t("recognition.noneReceived")}</p>
      )}
    </section>
  );
}
