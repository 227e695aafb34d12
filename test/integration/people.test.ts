import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import { signIn } from "#app/modules/auth/sign-in.server.ts";
import { startSession, validateSessionToken } from "#app/modules/auth/session.server.ts";
import { sha256Hex } from "#app/modules/auth/tokens.server.ts";
import {
  acceptInvitation,
  findInvitation,
  invitePerson,
  reissueInvitation,
} from "#app/modules/people/invitations.server.ts";
import { changePassword, getPerson, setPersonActive, updatePerson } from "#app/modules/people/people.server.ts";
import { AcceptInvitationSchema, ChangePasswordSchema, InviteSchema } from "#app/modules/people/schemas.server.ts";
import { createDepartment, createUser, TEST_PASSWORD } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();
const admin = await createUser(db, { role: "admin", email: "root@example.test" });
const claims = await createDepartment(db, { name: "Claims", slug: "claims" });
const credit = await createDepartment(db, { name: "Credit", slug: "credit" });
const NEW_PASSWORD = "a long and unusual passphrase";

async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return (error as CommandError).fieldErrors;
}

describe("inviting a person", () => {
  it("creates an invited person with role and departments and a single-use link stored hashed", async () => {
    const { userId, token } = await invitePerson(db, admin.id, {
      email: "new.hire@example.test",
      role: "employee",
      memberships: [
        { departmentId: claims.id, isManager: true },
        { departmentId: credit.id, isManager: false },
      ],
    });
    const person = await getPerson(db, userId);
    expect(person).toMatchObject({ email: "new.hire@example.test", status: "invited", role: "employee" });
    expect(person?.departments.map((d) => [d.slug, d.isManager])).toEqual([
      ["claims", true],
      ["credit", false],
    ]);
    const stored = await db.selectFrom("invitations").select("token_hash").where("user_id", "=", userId).execute();
    expect(stored).toEqual([{ token_hash: sha256Hex(token) }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const accepted = await acceptInvitation(db, token, { name: "Nina Hire", password: NEW_PASSWORD });
    expect(accepted).toEqual({ userId });
    expect(await getPerson(db, userId)).toMatchObject({ name: "Nina Hire", status: "active" });
    expect((await signIn(db, { email: "new.hire@example.test", password: NEW_PASSWORD, ip: "10.9.0.1" })).ok).toBe(
      true,
    );

    // Single use.
    expect(await findInvitation(db, token)).toEqual({ state: "invalid" });
    expect(await acceptInvitation(db, token, { name: "Someone Else", password: NEW_PASSWORD })).toBeNull();
    expect((await getPerson(db, userId))?.name).toBe("Nina Hire");
  });

  it("refuses an e-mail that already has an account or an invitation, whatever its case", async () => {
    await createUser(db, { email: "taken@example.test" });
    expect(
      await refusal(invitePerson(db, admin.id, { email: "TAKEN@example.test", role: "employee", memberships: [] })),
    ).toEqual({
      email: ["people.emailTaken"],
    });
    await invitePerson(db, admin.id, { email: "pending@example.test", role: "employee", memberships: [] });
    expect(
      await refusal(invitePerson(db, admin.id, { email: "pending@example.test", role: "leader", memberships: [] })),
    ).toEqual({
      email: ["people.alreadyInvited"],
    });
  });

  it("writes nothing when a department does not exist", async () => {
    const before = await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await refusal(
      invitePerson(db, admin.id, {
        email: "ghost@example.test",
        role: "employee",
        memberships: [{ departmentId: "00000000-0000-4000-8000-000000000000", isManager: false }],
      }),
    );
    const after = await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(
      await db.selectFrom("users").where("email", "=", "ghost@example.test").select("id").executeTakeFirst(),
    ).toBeUndefined();
  });

  it("expires a link after 7 days", async () => {
    const { userId, token } = await invitePerson(db, admin.id, {
      email: "late@example.test",
      role: "employee",
      memberships: [],
    });
    expect((await findInvitation(db, token)).state).toBe("valid");
    await db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", userId)
      .execute();
    expect(await findInvitation(db, token)).toEqual({ state: "invalid" });
    expect(await acceptInvitation(db, token, { name: "Late", password: NEW_PASSWORD })).toBeNull();
  });

  it("replaces the old link when a new one is made", async () => {
    const { userId, token: first } = await invitePerson(db, admin.id, {
      email: "again@example.test",
      role: "employee",
      memberships: [],
    });
    const second = await reissueInvitation(db, admin.id, userId);
    expect(await findInvitation(db, first)).toEqual({ state: "invalid" });
    expect((await findInvitation(db, second)).state).toBe("valid");
  });

  it("treats malformed tokens as invalid without querying for them", async () => {
    expect(await findInvitation(db, "x")).toEqual({ state: "invalid" });
    expect(await findInvitation(db, "'; drop table users; --")).toEqual({ state: "invalid" });
  });

  it("validates invitation input: e-mail format, role list", () => {
    expect(InviteSchema.safeParse({ email: "not-an-email", role: "employee" }).success).toBe(false);
    expect(InviteSchema.safeParse({ email: "a@b.test", role: "owner" }).success).toBe(false);
    expect(InviteSchema.parse({ email: " A@B.test ", role: "leader" })).toEqual({
      email: "a@b.test",
      role: "leader",
      memberships: [],
    });
  });
});

describe("passwords", () => {
  it("requires at least 12 characters, not a common password, typed twice the same", () => {
    const errors = (input: Record<string, string>) =>
      AcceptInvitationSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(errors({ name: "A", password: "tiny-Pw9", confirmPassword: "tiny-Pw9" })).toEqual([
      "password:validation.tooShort:12",
    ]);
    expect(errors({ name: "A", password: "1q2w3e4r5t6y", confirmPassword: "1q2w3e4r5t6y" })).toEqual([
      "password:validation.commonPassword",
    ]);
    expect(errors({ name: "A", password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` })).toEqual([
      "confirmPassword:validation.passwordsDiffer",
    ]);
    expect(errors({ name: "A", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual([]);
    expect(
      ChangePasswordSchema.safeParse({
        currentPassword: "x",
        newPassword: "password1234",
        confirmPassword: "password1234",
      }).success,
    ).toBe(false);
  });

  it("changing the password checks the current one and ends every session", async () => {
    const person = await createUser(db);
    const token = /sl_session=([^;]+)/.exec(await startSession(db, person.id))![1]!;
    expect(
      await refusal(changePassword(db, person.id, { currentPassword: "wrong", newPassword: NEW_PASSWORD })),
    ).toEqual({
      currentPassword: ["auth.wrongPassword"],
    });
    expect(await validateSessionToken(db, token)).not.toBeNull();
    await changePassword(db, person.id, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await validateSessionToken(db, token)).toBeNull();
    expect((await signIn(db, { email: person.email, password: NEW_PASSWORD, ip: "10.9.0.2" })).ok).toBe(true);
  });
});

describe("administering people", () => {
  it("sets role, departments and manager flags in one go", async () => {
    const person = await createUser(db, { departments: [{ id: claims.id }] });
    await updatePerson(db, admin.id, person.id, {
      role: "leader",
      memberships: [{ departmentId: credit.id, isManager: true }],
    });
    const updated = await getPerson(db, person.id);
    expect(updated?.role).toBe("leader");
    expect(updated?.departments.map((d) => [d.slug, d.isManager])).toEqual([["credit", true]]);
    const audit = await db.selectFrom("audit_log").selectAll().where("subject", "=", person.id).execute();
    expect(audit.map((a) => a.action)).toContain("person.update");
  });

  it("keeps at least one active admin", async () => {
    const fresh = await databaseForThisFile();
    const onlyAdmin = await createUser(fresh, { role: "admin" });
    expect(
      await refusal(updatePerson(fresh, onlyAdmin.id, onlyAdmin.id, { role: "employee", memberships: [] })),
    ).toEqual({
      role: ["people.lastAdmin"],
    });
    const other = await createUser(fresh, { role: "admin" });
    expect(await refusal(setPersonActive(fresh, onlyAdmin.id, onlyAdmin.id, false))).toEqual({
      form: ["people.cannotDeactivateSelf"],
    });
    await updatePerson(fresh, other.id, onlyAdmin.id, { role: "employee", memberships: [] });
    expect((await getPerson(fresh, onlyAdmin.id))?.role).toBe("employee");
  });

  it("deactivating signs the person out everywhere and reactivating lets them back", async () => {
    const person = await createUser(db);
    const token = /sl_session=([^;]+)/.exec(await startSession(db, person.id))![1]!;
    await setPersonActive(db, admin.id, person.id, false);
    expect((await getPerson(db, person.id))?.status).toBe("deactivated");
    expect(await validateSessionToken(db, token)).toBeNull();
    expect((await signIn(db, { email: person.email, password: TEST_PASSWORD, ip: "10.9.0.3" })).ok).toBe(false);
    await setPersonActive(db, admin.id, person.id, true);
    expect((await signIn(db, { email: person.email, password: TEST_PASSWORD, ip: "10.9.0.3" })).ok).toBe(true);
  });

  it("a deactivated invitee's link stops working", async () => {
    const { userId, token } = await invitePerson(db, admin.id, {
      email: "changed.mind@example.test",
      role: "employee",
      memberships: [],
    });
    await setPersonActive(db, admin.id, userId, false);
    expect(await findInvitation(db, token)).toEqual({ state: "invalid" });
    await setPersonActive(db, admin.id, userId, true);
    expect((await getPerson(db, userId))?.status).toBe("invited");
  });
});
