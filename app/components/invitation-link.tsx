import { useT } from "#app/i18n/use-t.ts";

/** Shown once, right after inviting: the link cannot be shown again (only its hash is kept). */
export function InvitationLink({ email, link }: { email: string; link: string }) {
  const t = useT();
  return (
    <div className="notice notice--success" role="status">
      <h2>{t("people.invitedTitle", { email })}</h2>
      <p>{t("people.invitedBody")}</p>
      <p>
        <label htmlFor="invitation-link">{t("people.invitationLink")}</label>
        <input id="invitation-link" className="copy-field" readOnly value={link} />
      </p>
    </div>
  );
}
