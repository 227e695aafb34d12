import { useT } from "#app/i18n/use-t.ts";

/**
 * What the personal-data check found (kind and masked text, "phone|070-1•• •• ••"),
 * and the box to tick when the author has checked it is not a customer's.
 */
export function PersonalDataWarning({ findings }: { findings: string[] | undefined }) {
  const t = useT();
  if (!findings?.length) return null;
  return (
    <div className="notice notice--warning" role="alert">
      <h2>{t("stories.personalDataTitle")}</h2>
      <ul>
        {findings.map((p) => {
          const [kind, masked] = p.split("|");
          return (
            <li key={p}>
              {t(`stories.personalDataKinds.${kind}`)}: <code>{masked}</code>
            </li>
          );
        })}
      </ul>
      <p>{t("stories.personalDataHelp")}</p>
      <div className="checkbox">
        <input type="checkbox" id="confirmPersonalData" name="confirmPersonalData" />
        <label htmlFor="confirmPersonalData">{t("stories.personalDataConfirm")}</label>
      </div>
    </div>
  );
}
