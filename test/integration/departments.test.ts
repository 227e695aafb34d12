import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import {
  createDepartment,
  DepartmentSchema,
  getDepartmentBySlug,
  listDepartmentMembers,
  listDepartments,
  setDepartmentMember,
  updateDepartment,
} from "#app/modules/departments/departments.server.ts";
import { createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();
const admin = await createUser(db, { role: "admin" });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return (error as CommandError).fieldErrors;
}

describe("departments", () => {
  it("creates a department with a slug made from its name", async () => {
    const { slug } = await createDepartment(
      db,
      admin.id,
      DepartmentSchema.parse({ name: "Kundeservice Øst", description: "" }),
    );
    expect(slug).toBe("kundeservice-ost");
    expect(await getDepartmentBySlug(db, "kundeservice-ost")).toMatchObject({ name: "Kundeservice Øst" });
  });

  it("refuses a name or slug that is taken", async () => {
    await createDepartment(db, admin.id, { name: "Claims", slug: "claims", description: "" });
    expect(await refusal(createDepartment(db, admin.id, { name: "claims", description: "" }))).toEqual({
      name: ["departments.nameTaken"],
    });
    expect(
      await refusal(createDepartment(db, admin.id, { name: "Claims Nord", slug: "claims", description: "" })),
    ).toEqual({
      slug: ["departments.slugTaken"],
    });
    expect(DepartmentSchema.safeParse({ name: "X", slug: "Bad Slug!" }).success).toBe(false);
  });

  it("renames and describes a department while its address stays", async () => {
    const { slug } = await createDepartment(db, admin.id, { name: "Webshop", description: "" });
    const department = (await getDepartmentBySlug(db, slug))!;
    await updateDepartment(db, admin.id, department.id, { name: "E-commerce Nordic", description: "The online shop." });
    expect(await getDepartmentBySlug(db, slug)).toMatchObject({
      name: "E-commerce Nordic",
      description: "The online shop.",
    });
  });

  it("names managers; a person may manage several departments", async () => {
    const a = (await getDepartmentBySlug(
      db,
      (await createDepartment(db, admin.id, { name: "Alpha", description: "" })).slug,
    ))!;
    const b = (await getDepartmentBySlug(
      db,
      (await createDepartment(db, admin.id, { name: "Beta", description: "" })).slug,
    ))!;
    const boss = await createUser(db, { email: "boss@example.test", name: "Boss" });
    await setDepartmentMember(db, admin.id, a.id, { email: "BOSS@example.test", level: "manager" });
    await setDepartmentMember(db, admin.id, b.id, { userId: boss.id, level: "manager" });
    const summaries = await listDepartments(db);
    expect(summaries.find((d) => d.id === a.id)?.managers).toEqual([{ id: boss.id, name: "Boss" }]);
    expect(summaries.find((d) => d.id === b.id)?.managers).toEqual([{ id: boss.id, name: "Boss" }]);

    await setDepartmentMember(db, admin.id, a.id, { userId: boss.id, level: "member" });
    expect((await listDepartmentMembers(db, a.id)).map((m) => m.isManager)).toEqual([false]);
    await setDepartmentMember(db, admin.id, a.id, { userId: boss.id, level: "none" });
    expect(await listDepartmentMembers(db, a.id)).toEqual([]);
  });

  it("refuses to add someone who does not exist", async () => {
    const { slug } = await createDepartment(db, admin.id, { name: "Gamma", description: "" });
    const d = (await getDepartmentBySlug(db, slug))!;
    expect(
      await refusal(setDepartmentMember(db, admin.id, d.id, { email: "nobody@example.test", level: "member" })),
    ).toEqual({
      email: ["departments.noSuchPerson"],
    });
  });

  it("answers nothing for a malformed slug", async () => {
    expect(await getDepartmentBySlug(db, "../../etc")).toBeUndefined();
  });
});
