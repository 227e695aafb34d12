import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextField } from "#app/components/fields.tsx";
import { MiniBars } from "#app/components/mini-bars.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { listDepartmentMembers } from "#app/modules/departments/departments.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { openSlot } from "#app/modules/shadowing/commands.server.ts";
import { SLOT_MINUTES } from "#app/modules/shadowing/constants.ts";
import { departmentInsights, listUpcomingSlots } from "#app/modules/shadowing/queries.server.ts";
import { SlotSchema } from "#app/modules/shadowing/schemas.ts";
import { SlotList } from "#app/modules/shadowing/slot-list.tsx";
import { CHANNELS } from "#app/modules/stories/constants.ts";
import { sortByName } from "#app/utils/collate.ts";
import { companyTimeToInstant } from "#app/utils/company-time.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("shadowing.departmentTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug);
  const db = getDb();
  const canHost = can(user, "shadowing:host", department);
  const locale = await resolveLocale(request, user.locale);
  const [insights, slots, members] = await Promise.all([
    departmentInsights(db, { departmentId: department.id }),
    listUpcomingSlots(db, { readerId: user.id, departmentId: department.id }),
    canHost ? listDepartmentMembers(db, department.id) : Promise.resolve([]),
  ]);
  return {
    department: { slug: department.slug, name: department.name },
    insights,
    slots,
    canHost,
    canBook: can(user, "shadowing:book", department),
    hosts: sortByName(
      members.filter((m) => m.status === "active"),
      locale,
      (m) => m.name || m.email,
    ).map((m) => ({ value: m.id, label: m.name || m.email })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "shadowing:host");
  const db = getDb();
  const outcome = await handleSubmission(await request.formData(), SlotSchema, async ({ startsAt, ...slot }) =>
    openSlot(db, {
      actorId: user.id,
      departmentId: department.id,
      slot,
      startsAt: await companyTimeToInstant(db, startsAt),
    }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/shadowing/slots/${outcome.value}`, { key: "flash.slotOpened" });
}

export default function DepartmentShadowing() {
  const t = useT();
  const format = useFormat();
  const { department, insights, slots, canHost, canBook, hosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{
    startsAt: string;
    minutes: string;
    channel: string;
    capacity: string;
    hostId: string;
    details: string;
  }>({
    lastResult: actionData?.result,
    defaultValue: { minutes: "60", capacity: "2", channel: "phone" },
    shouldRevalidate: "onSubmit",
  });
  const monthFormat = (month: string) => format.month(`${month}-01`);
  return (
    <section aria-labelledby="dept-shadowing-title">
      <p className="breadcrumb">
        <Link to="/shadowing">{t("areas.shadowing.title")}</Link> ·{" "}
        <Link to={`/departments/${department.slug}`}>{department.name}</Link>
      </p>
      <h1 id="dept-shadowing-title">{t("shadowing.departmentHeading", { department: department.name })}</h1>
      <p className="actions">
        <Link className="button" to={`/departments/${department.slug}/improvements`}>
          {t("shadowing.backlogTitle")}
        </Link>
      </p>
      <section aria-labelledby="slots-title" className="panel">
        <h2 id="slots-title">{t("shadowing.upcomingSlots")}</h2>
        {slots.length ? (
          <SlotList slots={slots} showDepartment={false} />
        ) : (
          <p className="muted">{t("shadowing.noSlots")}</p>
        )}
        {!canBook && !canHost ? <p className="muted">{t("shadowing.ownDepartment")}</p> : null}
      </section>
      {canHost ? (
        <details className="panel" open={Boolean(actionData)}>
          <summary className="panel__summary">{t("shadowing.openSlot")}</summary>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <div className="field-row">
              <TextField
                field={fields.startsAt}
                label={t("shadowing.fields.startsAt")}
                type="datetime-local"
                required
              />
              <SelectField
                field={fields.minutes}
                label={t("shadowing.length")}
                options={SLOT_MINUTES.map((m) => ({ value: String(m), label: t("shadowing.minutes", { count: m }) }))}
              />
              <SelectField
                field={fields.channel}
                label={t("kpis.fields.channel")}
                options={CHANNELS.map((c) => ({ value: c, label: t(`stories.channels.${c}`) }))}
              />
              <TextField field={fields.capacity} label={t("shadowing.fields.capacity")} type="number" required />
            </div>
            <SelectField
              field={fields.hostId}
              label={t("shadowing.fields.host")}
              options={[{ value: "", label: t("shadowing.fields.noHost") }, ...hosts]}
            />
            <TextField field={fields.details} label={t("shadowing.details")} hint={t("shadowing.fields.detailsHint")} />
            <button type="submit" className="button button--primary">
              {t("shadowing.openSlot")}
            </button>
          </Form>
        </details>
      ) : null}
      <h2>{t("shadowing.insights")}</h2>
      <div className="two-columns">
        <section aria-labelledby="sessions-title" className="panel">
          <h3 id="sessions-title">{t("shadowing.sessionsPerMonth")}</h3>
          <MiniBars
            values={insights.sessionsPerMonth.map((m) => m.sessions)}
            label={insights.sessionsPerMonth.map((m) => `${monthFormat(m.month)}: ${m.sessions}`).join(", ")}
            width={240}
            height={60}
          />
          <table className="table">
            <caption className="visually-hidden">{t("shadowing.sessionsPerMonth")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("shadowing.month")}</th>
                <th scope="col">{t("shadowing.sessions")}</th>
              </tr>
            </thead>
            <tbody>
              {insights.sessionsPerMonth.map((m) => (
                <tr key={m.month}>
                  <td>{monthFormat(m.month)}</td>
                  <td>{m.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="observers-title" className="panel">
          <h3 id="observers-title">{t("shadowing.observersByDepartment")}</h3>
          {insights.observersByDepartment.length ? (
            <ul className="people-list">
              {insights.observersByDepartment.map((o) => (
                <li key={o.department}>
                  {o.department || t("shadowing.noDepartment")}: {o.observers}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("shadowing.noneYet")}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="reasons-title" className="panel">
        <h3 id="reasons-title">{t("shadowing.topReasons")}</h3>
        <p className="muted">{t("shadowing.topReasonsLead")}</p>
        {insights.topReasons.length ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("shadowing.reason")}</th>
                <th scope="col">{t("shadowing.lastFourWeeks")}</th>
                <th scope="col">{t("shadowing.trend")}</th>
              </tr>
            </thead>
            <tbody>
              {insights.topReasons.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td>{r.count}</td>
                  <td>
                    <MiniBars
                      values={r.weeks}
                      label={t("shadowing.trendLabel", {
                        reason: r.label,
                        counts: r.weeks.map((c, i) => `${format.date(insights.weeks[i]!)}: ${c}`).join(", "),
                      })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("shadowing.noneYet")}</p>
        )}
      </section>
      <div className="two-columns">
        <section aria-labelledby="kano-title" className="panel">
          <h3 id="kano-title">{t("shadowing.needsMix")}</h3>
          {insights.kano.length || insights.jobs.length ? (
            <ul className="people-list">
              {insights.kano.map((k) => (
                <li key={k.kano}>
                  {t(`stories.kano.${k.kano}`)}: {k.notes}
                </li>
              ))}
              {insights.jobs.map((j) => (
                <li key={j.job}>
                  {t(`stories.jobs.${j.job}`)}: {j.notes}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("shadowing.noneYet")}</p>
          )}
        </section>
        <section aria-labelledby="latest-title" className="panel">
          <h3 id="latest-title">{t("shadowing.latestNotes")}</h3>
          {insights.latestNotes.length ? (
            <ul className="people-list">
              {insights.latestNotes.map((n) => (
                <li key={n.id}>
                  <Link to={`/shadowing/notes/${n.id}`}>{t("shadowing.noteFrom", { name: n.authorName })}</Link>
                  <span className="muted"> · {format.date(n.submittedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("shadowing.noneYet")}</p>
          )}
        </section>
      </div>
    </section>
  );
}
