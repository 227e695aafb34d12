import { useT } from "#app/i18n/use-t.ts";

/** One select per department: not a member, member, or manager. Works as a plain form. */
export function MembershipFields({
  departments,
  current,
  legend,
}: {
  departments: { id: string; name: string }[];
  current: Record<string, "member" | "manager">;
  legend: string;
}) {
  const t = useT();
  return (
    <fieldset className="memberships">
      <legend>{legend}</legend>
      {departments.map((d) => (
        <div className="field field--inline" key={d.id}>
          <label htmlFor={`membership-${d.id}`}>{d.name}</label>
          <select id={`membership-${d.id}`} name={`memberships.${d.id}`} defaultValue={current[d.id] ?? "none"}>
            <option value="none">{t("people.membership.none")}</option>
            <option value="member">{t("people.membership.member")}</option>
            <option value="manager">{t("people.membership.manager")}</option>
          </select>
        </div>
      ))}
    </fieldset>
  );
}
