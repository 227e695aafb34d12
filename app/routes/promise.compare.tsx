import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { diffPromise, type FieldChange, type ItemChange } from "#app/modules/promise/diff.ts";
import { getVersionIdByNumber, loadPromise } from "#app/modules/promise/queries.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.compareTitle");

const Params = z.object({
  from: z.coerce.number().int().positive().max(1_000_000),
  to: z.coerce.number().int().positive().max(1_000_000),
});

/** What changed between two published versions, in their original language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const parsed = Params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const [fromId, toId] = parsed.success
    ? await Promise.all([getVersionIdByNumber(db, parsed.data.from), getVersionIdByNumber(db, parsed.data.to)])
    : [];
  const [before, after] = await Promise.all([
    fromId ? loadPromise(db, fromId) : undefined,
    toId ? loadPromise(db, toId) : undefined,
  ]);
  assertFound(before);
  assertFound(after);
  return { from: before.number!, to: after.number!, diff: diffPromise(before, after) };
}

function Parts({ change }: { change: FieldChange }) {
  return (
    <p className="text-diff">
      {change.parts.map((part, i) =>
        part.added ? (
          <ins key={i}>{part.value}</ins>
        ) : part.removed ? (
          <del key={i}>{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

function Change<T extends { title: string }>({
  change,
  level,
}: {
  change: ItemChange<T>;
  level: "pillar" | "behaviour";
}) {
  const t = useT();
  const Heading = level === "pillar" ? "h2" : "h3";
  const title = change.kind === "changed" ? change.after.title : change.item.title;
  const moved = (change.kind === "changed" || change.kind === "unchanged") && change.moved;
  return (
    <div className={`change change--${change.kind}`}>
      <Heading>
        <span className={`tag tag--${change.kind}`}>{t(`promise.diff.${change.kind}`)}</span>
        {moved ? <span className="tag tag--moved">{t("promise.diff.moved")}</span> : null} {title}
      </Heading>
      {change.kind === "changed"
        ? change.fields.map((f) => (
            <div key={f.field}>
              <p className="muted">{t(`promise.fields.${f.field}`)}</p>
              <Parts change={f} />
            </div>
          ))
        : null}
    </div>
  );
}

export default function Compare() {
  const t = useT();
  const { from, to, diff } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="compare-title" className="compare">
      <p className="breadcrumb">
        <Link to="/promise/versions">{t("promise.history")}</Link>
      </p>
      <h1 id="compare-title">{t("promise.compareHeading", { from, to })}</h1>
      <p className="lead">{t("promise.diffSummary", diff.summary)}</p>
      <p className="muted">{t("promise.diffLegend")}</p>
      {diff.header.map((f) => (
        <div key={f.field} className="change change--changed">
          <p className="muted">{t(`promise.fields.${f.field}`)}</p>
          <Parts change={f} />
        </div>
      ))}
      {diff.pillars.map((p, i) => {
        const interesting =
          p.change.kind !== "unchanged" ||
          p.change.moved ||
          p.behaviours.some((b) => b.kind !== "unchanged" || b.moved);
        if (!interesting) return null;
        return (
          <section key={i} className="panel">
            <Change change={p.change} level="pillar" />
            {p.behaviours
              .filter((b) => b.kind !== "unchanged" || b.moved)
              .map((b, j) => (
                <Change key={j} change={b} level="behaviour" />
              ))}
          </section>
        );
      })}
      {diff.summary.added + diff.summary.removed + diff.summary.changed === 0 ? <p>{t("promise.diff.none")}</p> : null}
    </section>
  );
}
