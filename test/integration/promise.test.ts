import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import {
  acknowledgeCurrentPromise,
  addBehaviour,
  addPillar,
  deleteItem,
  discardDraft,
  moveItem,
  publishDraft,
  saveHeader,
  saveTranslations,
  startDraft,
  updateBehaviour,
} from "#app/modules/promise/commands.server.ts";
import {
  acknowledgementRates,
  getCurrentVersionId,
  getDraftId,
  loadPromise,
  notYetAcknowledged,
} from "#app/modules/promise/queries.server.ts";
import { readablePromise } from "#app/modules/promise/readable.server.ts";
import { createDepartment, createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();
const leader = await createUser(db, { role: "leader", name: "Lea Leader" });

async function draft() {
  const id = await getDraftId(db);
  return (await loadPromise(db, id!))!;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

/** Builds and publishes a small promise; returns its version id. */
async function publishSample() {
  await startDraft(db, leader.id);
  let d = await draft();
  await saveHeader(db, { revision: d.revision, title: "Our promise", intro: "We are **here**.", sourceLocale: "en" });
  await addPillar(db, { revision: (await draft()).revision, title: "Personal advice" });
  await addPillar(db, { revision: (await draft()).revision, title: "Easy to reach" });
  d = await draft();
  await addBehaviour(db, { revision: d.revision, pillarRowId: d.pillars[0]!.id, title: "Say your name" });
  d = await draft();
  await addBehaviour(db, { revision: d.revision, pillarRowId: d.pillars[0]!.id, title: "Call back the same day" });
  d = await draft();
  await addBehaviour(db, { revision: d.revision, pillarRowId: d.pillars[1]!.id, title: "Answer e-mail within a day" });
  d = await draft();
  expect(await publishDraft(db, leader.id, d.revision)).toBeGreaterThan(0);
  return d.id;
}

describe("writing and publishing the promise", () => {
  it("refuses to publish an empty promise and changes nothing", async () => {
    await startDraft(db, leader.id);
    const d = await draft();
    const error = await refusal(publishDraft(db, leader.id, d.revision));
    expect(error.fieldErrors.form).toEqual(["promise.needsTitle", "promise.needsPillar"]);
    const after = await draft();
    expect(after.status).toBe("draft");
    expect(await getCurrentVersionId(db)).toBeUndefined();
    await discardDraft(db, leader.id, after.revision);
    expect(await getDraftId(db)).toBeUndefined();
  });

  it("publishes version 1, records it in the audit log, and freezes it", async () => {
    const id = await publishSample();
    const published = (await loadPromise(db, id))!;
    expect(published).toMatchObject({
      number: 1,
      status: "published",
      title: "Our promise",
      publishedByName: "Lea Leader",
    });
    expect(published.pillars.map((p) => [p.title, p.behaviours.map((b) => b.title)])).toEqual([
      ["Personal advice", ["Say your name", "Call back the same day"]],
      ["Easy to reach", ["Answer e-mail within a day"]],
    ]);
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "promise.publish").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: leader.id, subject: id, details: { number: 1 } });
    // The database refuses any change to a published version.
    await expect(
      db.updateTable("promise_versions").set({ title: "Changed" }).where("id", "=", id).execute(),
    ).rejects.toThrow(/published/);
    await expect(
      db.updateTable("promise_behaviours").set({ title: "Changed" }).where("version_id", "=", id).execute(),
    ).rejects.toThrow(/published/);
  });

  it("starts the next version as a copy that keeps identities; removing a behaviour retires it", async () => {
    const v1 = (await loadPromise(db, (await getCurrentVersionId(db))!))!;
    await startDraft(db, leader.id);
    let d = await draft();
    expect(d.pillars.map((p) => p.pillarId)).toEqual(v1.pillars.map((p) => p.pillarId));
    expect(d.pillars.flatMap((p) => p.behaviours.map((b) => b.behaviourId))).toEqual(
      v1.pillars.flatMap((p) => p.behaviours.map((b) => b.behaviourId)),
    );
    const edited = d.pillars[0]!.behaviours[1]!;
    await updateBehaviour(db, {
      revision: d.revision,
      behaviourRowId: edited.id,
      title: "Call back the same working day",
      description: "",
      examples: "- Promised a call at 3? Call at 3.",
    });
    d = await draft();
    const removed = d.pillars[0]!.behaviours[0]!;
    await deleteItem(db, { revision: d.revision, rowId: removed.id });
    d = await draft();
    await moveItem(db, { revision: d.revision, rowId: d.pillars[1]!.id, direction: "up" });
    d = await draft();
    expect(d.pillars.map((p) => p.title)).toEqual(["Easy to reach", "Personal advice"]);
    expect(await publishDraft(db, leader.id, d.revision)).toBe(2);

    const v2 = (await loadPromise(db, (await getCurrentVersionId(db))!))!;
    const kept = v2.pillars.flatMap((p) => p.behaviours).find((b) => b.title === "Call back the same working day")!;
    expect(kept.behaviourId).toBe(edited.behaviourId);
    const identities = await db.selectFrom("behaviours").select(["id", "retired_at"]).execute();
    expect(identities.find((b) => b.id === removed.behaviourId)?.retired_at).toBeInstanceOf(Date);
    expect(identities.find((b) => b.id === edited.behaviourId)?.retired_at).toBeNull();
  });

  it("detects two leaders editing the same draft: the stale save is refused, not merged", async () => {
    await startDraft(db, leader.id);
    const seenByBoth = await draft();
    await saveHeader(db, {
      revision: seenByBoth.revision,
      title: "First leader's title",
      intro: "",
      sourceLocale: "en",
    });
    const error = await refusal(
      saveHeader(db, { revision: seenByBoth.revision, title: "Second leader's title", intro: "", sourceLocale: "en" }),
    );
    expect(error.status).toBe(409);
    expect(error.fieldErrors.form).toEqual(["promise.conflict"]);
    expect((await draft()).title).toBe("First leader's title");
  });

  it("refuses a behaviour without a title at publishing", async () => {
    let d = await draft();
    await saveHeader(db, { revision: d.revision, title: "Our promise", intro: "", sourceLocale: "en" });
    d = await draft();
    const b = d.pillars[0]!.behaviours[0]!;
    await updateBehaviour(db, { revision: d.revision, behaviourRowId: b.id, title: "", description: "", examples: "" });
    d = await draft();
    const error = await refusal(publishDraft(db, leader.id, d.revision));
    expect(error.fieldErrors.form).toEqual(["promise.behaviourNeedsTitle:1"]);
    expect((await loadPromise(db, (await getCurrentVersionId(db))!))!.number).toBe(2);
    await discardDraft(db, leader.id, (await draft()).revision);
  });
});

describe("translations", () => {
  it("shows a translation until the original changes, then the original marked as such", async () => {
    await startDraft(db, leader.id);
    let d = await draft();
    const pillar = d.pillars[0]!;
    await saveTranslations(db, {
      revision: d.revision,
      locale: "sv",
      entries: [
        { kind: "version", rowId: d.id, field: "title", text: "Vårt löfte" },
        { kind: "pillar", rowId: pillar.id, field: "title", text: "Lätt att nå" },
      ],
    });
    d = await draft();
    let readable = readablePromise(d, "sv");
    expect(readable.title).toEqual({ text: "Vårt löfte", fallback: false });
    expect(readable.pillars[0]!.title).toEqual({ text: "Lätt att nå", fallback: false });
    expect(readablePromise(d, "da").title).toEqual({ text: "Our promise", fallback: true });

    await saveHeader(db, { revision: d.revision, title: "Our service promise", intro: d.intro, sourceLocale: "en" });
    d = await draft();
    readable = readablePromise(d, "sv");
    expect(readable.title).toEqual({ text: "Our service promise", fallback: true });
    expect(readable.pillars[0]!.title.fallback).toBe(false);

    const error = await refusal(saveTranslations(db, { revision: d.revision, locale: "en", entries: [] }));
    expect(error.fieldErrors).toEqual({ locale: ["promise.translateIntoOriginal"] });
    await discardDraft(db, leader.id, (await draft()).revision);
  });
});

describe("acknowledging", () => {
  it("records one acknowledgement of the current version and computes rates per department", async () => {
    const claims = await createDepartment(db, { name: "Claims" });
    const credit = await createDepartment(db, { name: "Credit" });
    const anna = await createUser(db, { name: "Anna", departments: [{ id: claims.id }] });
    const bo = await createUser(db, { name: "Bo", departments: [{ id: claims.id }] });
    await createUser(db, { name: "Gone", status: "deactivated", departments: [{ id: claims.id }] });
    const current = (await getCurrentVersionId(db))!;

    await acknowledgeCurrentPromise(db, anna.id, current);
    await acknowledgeCurrentPromise(db, anna.id, current);
    const rates = await acknowledgementRates(db, current, [claims.id, credit.id]);
    expect(rates.departments.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { departmentId: claims.id, slug: claims.slug, name: "Claims", members: 2, acknowledged: 1 },
      { departmentId: credit.id, slug: credit.slug, name: "Credit", members: 0, acknowledged: 0 },
    ]);
    expect((await notYetAcknowledged(db, current, claims.id)).map((p) => p.name)).toEqual(["Bo"]);
    const { count } = await db
      .selectFrom("promise_acknowledgements")
      .select(sql<number>`count(*)`.as("count"))
      .where("user_id", "=", anna.id)
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
    expect(rates.overall.acknowledged).toBe(1);
    expect(rates.overall.people).toBeGreaterThanOrEqual(3);
    expect(bo.id).toBeTruthy();
  });

  it("refuses to acknowledge a version that is not the current one", async () => {
    const person = await createUser(db);
    const old = await db.selectFrom("promise_versions").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
    const error = await refusal(acknowledgeCurrentPromise(db, person.id, old.id));
    expect(error.fieldErrors.form).toEqual(["promise.notCurrent"]);
  });
});
