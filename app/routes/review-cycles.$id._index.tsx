import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { departmentProgress, getCycle, type ProgressRow } from "#app/modules/performance/queries.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("performance.cyclesTitle");

/**
 * A cycle: your own preparation when you are in it, and the progress
 * (prepared, reflected, discussed) of each of its departments you manage;
 * leaders and admins see every department. Anyone else is refused.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const cycle = UuidSchema.safeParse(params.id).success ? await getCycle(db, params.id!) : undefined;
  assertFound(cycle);
  const participant = cycle.departments.some((d) => user.departments.some((m) => m.id === d.id));
  const visible = cycle.departments.filter((d) => can(user, "cycle:progress", d));
  // Not in the cycle and managing none of it: the policy says why.
  if (!participant && visible.length === 0) await requirePermission(request, "cycle:progress", cycle.departments[0]!);
  const progress = await Promise.all(
    visible.map(async (d) => ({
      department: d,
      people: (await departmentProgress(db, cycle.id, d.id)).map((p) => ({
        ...p,
        // A fellow manager's preparation is a leader's to read: no link that ends in a refusal.
        readable: can(user, "preparation:read", {
          employeeId: p.userId,
          departments: [{ id: d.id, name: d.name, employeeIsManager: p.isManager }],
        }),
      })),
    })),
  );
  return { cycle, me: user.id, participant, progress };
}

export default function Cycle() {
  const t = useT();
  const format = useFormat();
  const { cycle, me, participant, progress } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="cycle-title">
      <p className="breadcrumb">
        <Link to="/review-cycles">{t("performance.cyclesTitle")}</Link>
      </p>
      <h1 id="cycle-title">{cycle.name}</h1>
      <p className="lead">
        {t("performance.cycleLead", { start: format.date(cycle.periodStart), end: format.date(cycle.periodEnd) })}
      </p>
      {participant ? (
        <p className="actions">
          <Link className="button button--primary" to={`/review-cycles/${cycle.id}/people/${me}`}>
            {t("performance.yourPreparation")}
          </Link>
        </p>
      ) : null}
      {progress.length ? <p className="muted">{t("performance.progressLead")}</p> : null}
      {participant && progress.length === 0 ? <p className="muted">{t("performance.noProgressForYou")}</p> : null}
      {progress.map(({ department, people }) => (
        <DepartmentProgress key={department.id} cycleId={cycle.id} department={department} people={people} />
      ))}
    </section>
  );
}

function DepartmentProgress({
  cycleId,
  department,
  people,
}: {
  cycleId: string;
  department: { id: string; name: string };
  people: (ProgressRow & { readable: boolean })[];
}) {
  const t = useT();
  const format = useFormat();
  const headingId = `progress-${department.id}`;
  const count = (key: "preparedAt" | "reflectedAt" | "discussedAt") => people.filter((p) => p[key]).length;
  const steps = [
    { key: "prepared", done: count("preparedAt") },
    { key: "reflected", done: count("reflectedAt") },
    { key: "discussed", done: count("discussedAt") },
  ] as const;
  const cell = (value: Date | null) =>
    value ? (
      <span className="status status--done">{format.date(value)}</span>
    ) : (
      <span className="muted">{t("performance.notYet")}</span>
    );
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t("performance.progressTitle", { department: department.name })}</h2>
      <p>
        {t("performance.progressSummary", {
          prepared: steps[0].done,
          reflected: steps[1].done,
          discussed: steps[2].done,
          total: people.length,
        })}
      </p>
      <div className="progress-bars" aria-hidden="true">
        {steps.map((s) => (
          <div key={s.key} className="progress-bar">
            <span>{t(`performance.status.${s.key}`)}</span>
            <progress max={people.length || 1} value={s.done} />
          </div>
        ))}
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("performance.person")}</th>
            <th scope="col">{t("performance.status.prepared")}</th>
            <th scope="col">{t("performance.status.reflected")}</th>
            <th scope="col">{t("performance.status.discussed")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId}>
              <th scope="row">
                {p.readable ? <Link to={`/review-cycles/${cycleId}/people/${p.userId}`}>{p.name}</Link> : p.name}
                {p.isManager ? <span className="muted"> ({t("performance.manager")})</span> : null}
              </th>
              <td>{cell(p.preparedAt)}</td>
              <td>{cell(p.reflectedAt)}</td>
              <td>{cell(p.discussedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
