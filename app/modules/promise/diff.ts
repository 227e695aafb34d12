import { diffWords } from "diff";
import type { PromiseBehaviour, PromiseDocument, PromisePillar } from "./model.ts";

/** A text change as parts: unchanged, added or removed runs of words. */
export type TextPart = { value: string; added?: boolean; removed?: boolean };

export interface FieldChange {
  field: string;
  parts: TextPart[];
}

export type ItemChange<T> =
  | { kind: "added"; item: T }
  | { kind: "removed"; item: T }
  | { kind: "changed"; before: T; after: T; fields: FieldChange[]; moved: boolean }
  | { kind: "unchanged"; item: T; moved: boolean };

export interface PillarChange {
  change: ItemChange<PromisePillar>;
  behaviours: ItemChange<PromiseBehaviour>[];
}

export interface PromiseDiff {
  header: FieldChange[];
  pillars: PillarChange[];
  summary: { added: number; removed: number; changed: number };
}

function textChange(field: string, before: string, after: string): FieldChange | null {
  if (before === after) return null;
  return { field, parts: diffWords(before, after).map(({ value, added, removed }) => ({ value, added, removed })) };
}

function fieldChanges<T>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields
    .map((field) => textChange(field, String(before[field] ?? ""), String(after[field] ?? "")))
    .filter((c): c is FieldChange => c !== null);
}

/**
 * Whether `id` changed place among the items both lists share: items added
 * or removed around it do not make it "moved".
 */
function reordered(before: string[], after: string[], id: string): boolean {
  const shared = new Set(before.filter((x) => after.includes(x)));
  const a = before.filter((x) => shared.has(x));
  const b = after.filter((x) => shared.has(x));
  return a.indexOf(id) !== b.indexOf(id);
}

/**
 * What changed from one version to another. Pillars and behaviours are
 * matched by identity, not by position or title, so an edited behaviour is
 * "changed" (with a word diff) and a behaviour moved to another pillar is
 * "moved", never removed and added.
 */
export function diffPromise(before: PromiseDocument, after: PromiseDocument): PromiseDiff {
  const summary = { added: 0, removed: 0, changed: 0 };
  const header = fieldChanges(before, after, ["title", "intro"]);
  const beforePillars = new Map(before.pillars.map((p) => [p.pillarId, p]));
  const afterPillarIds = new Set(after.pillars.map((p) => p.pillarId));
  const beforeBehaviours = new Map(
    before.pillars.flatMap((p) =>
      p.behaviours.map((b) => [b.behaviourId, { behaviour: b, pillarId: p.pillarId }] as const),
    ),
  );
  const afterBehaviourIds = new Set(after.pillars.flatMap((p) => p.behaviours.map((b) => b.behaviourId)));

  const pillars: PillarChange[] = after.pillars.map((pillar) => {
    const old = beforePillars.get(pillar.pillarId);
    const behaviours: ItemChange<PromiseBehaviour>[] = pillar.behaviours.map((behaviour) => {
      const previous = beforeBehaviours.get(behaviour.behaviourId);
      if (!previous) {
        summary.added++;
        return { kind: "added", item: behaviour };
      }
      const moved =
        previous.pillarId !== pillar.pillarId ||
        reordered(
          beforePillars.get(previous.pillarId)?.behaviours.map((b) => b.behaviourId) ?? [],
          pillar.behaviours.map((b) => b.behaviourId),
          behaviour.behaviourId,
        );
      const fields = fieldChanges(previous.behaviour, behaviour, ["title", "description", "examples"]);
      if (fields.length) {
        summary.changed++;
        return { kind: "changed", before: previous.behaviour, after: behaviour, fields, moved };
      }
      return { kind: "unchanged", item: behaviour, moved };
    });
    // Behaviours that left this pillar's old version and are nowhere in the new one.
    for (const b of old?.behaviours ?? []) {
      if (!afterBehaviourIds.has(b.behaviourId)) {
        summary.removed++;
        behaviours.push({ kind: "removed", item: b });
      }
    }
    if (!old) {
      summary.added++;
      return { change: { kind: "added", item: pillar }, behaviours };
    }
    const moved = reordered(
      before.pillars.map((p) => p.pillarId),
      after.pillars.map((p) => p.pillarId),
      pillar.pillarId,
    );
    const fields = fieldChanges(old, pillar, ["title", "body"]);
    if (fields.length) summary.changed++;
    return {
      change: fields.length
        ? { kind: "changed", before: old, after: pillar, fields, moved }
        : { kind: "unchanged", item: pillar, moved },
      behaviours,
    };
  });

  for (const old of before.pillars) {
    if (afterPillarIds.has(old.pillarId)) continue;
    summary.removed++;
    const behaviours: ItemChange<PromiseBehaviour>[] = old.behaviours
      .filter((b) => !afterBehaviourIds.has(b.behaviourId))
      .map((b) => {
        summary.removed++;
        return { kind: "removed", item: b };
      });
    pillars.push({ change: { kind: "removed", item: old }, behaviours });
  }
  if (header.length) summary.changed++;
  return { header, pillars, summary };
}
