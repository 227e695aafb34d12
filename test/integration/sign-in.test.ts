import { describe, expect, it } from "vitest";
import { signIn } from "#app/modules/auth/sign-in.server.ts";
import { THROTTLE } from "#app/modules/auth/throttle.server.ts";
import { createUser, TEST_PASSWORD } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

describe("signing in", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    const user = await createUser(db, { email: "Kari.Nordmann@example.test" });
    expect(
      await signIn(db, { email: " kari.nordmann@EXAMPLE.test ", password: TEST_PASSWORD, ip: "10.0.0.1" }),
    ).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("answers the same for a wrong password and an unknown e-mail", async () => {
    await createUser(db, { email: "known@example.test" });
    const wrong = await signIn(db, { email: "known@example.test", password: "nope", ip: "10.0.0.2" });
    const unknown = await signIn(db, { email: "unknown@example.test", password: "nope", ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses invited and deactivated people", async () => {
    await createUser(db, { email: "gone@example.test", status: "deactivated" });
    expect(await signIn(db, { email: "gone@example.test", password: TEST_PASSWORD, ip: "10.0.0.3" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    await createUser(db, { email: "invited@example.test", status: "invited" });
    expect((await signIn(db, { email: "invited@example.test", password: "", ip: "10.0.0.3" })).ok).toBe(false);
  });

  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    await createUser(db, { email: "target@example.test" });
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await signIn(db, { email: "target@example.test", password: `guess-${i}`, ip: `10.1.0.${i}` });
    }
    const locked = await signIn(db, { email: "target@example.test", password: TEST_PASSWORD, ip: "10.1.1.1" });
    expect(locked).toEqual({ ok: false, reason: "throttled", minutes: THROTTLE.lockMinutes });
  });

  it("locks unknown accounts the same way, so locking tells nothing", async () => {
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await signIn(db, { email: "nobody@example.test", password: "x", ip: `10.2.0.${i}` });
    }
    expect((await signIn(db, { email: "nobody@example.test", password: "x", ip: "10.2.1.1" })).ok).toBe(false);
    expect(await signIn(db, { email: "nobody@example.test", password: "x", ip: "10.2.1.1" })).toMatchObject({
      reason: "throttled",
    });
  });

  it("throttles one IP trying many accounts", async () => {
    const user = await createUser(db, { email: "victim@example.test" });
    for (let i = 0; i < THROTTLE.ipLimit; i++) {
      await signIn(db, { email: `spray${i}@example.test`, password: "Winter2026!", ip: "192.0.2.66" });
    }
    expect(await signIn(db, { email: user.email, password: TEST_PASSWORD, ip: "192.0.2.66" })).toMatchObject({
      reason: "throttled",
    });
    // The same person from another address is not locked out by the attacker's IP.
    expect(await signIn(db, { email: user.email, password: TEST_PASSWORD, ip: "198.51.100.7" })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("clears the account's failures after a successful sign-in", async () => {
    await createUser(db, { email: "forgetful@example.test" });
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) {
      await signIn(db, { email: "forgetful@example.test", password: "wrong", ip: "10.3.0.1" });
    }
    expect((await signIn(db, { email: "forgetful@example.test", password: TEST_PASSWORD, ip: "10.3.0.1" })).ok).toBe(
      true,
    );
    await signIn(db, { email: "forgetful@example.test", password: "wrong", ip: "10.3.0.1" });
    expect((await signIn(db, { email: "forgetful@example.test", password: TEST_PASSWORD, ip: "10.3.0.1" })).ok).toBe(
      true,
    );
  });

  it("starts a new window once the old one has passed", async () => {
    await createUser(db, { email: "slow@example.test" });
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) {
      await signIn(db, { email: "slow@example.test", password: "wrong", ip: "10.4.0.1" });
    }
    await db
      .updateTable("login_throttle")
      .set({ window_started_at: new Date(Date.now() - (THROTTLE.windowMinutes + 1) * 60_000) })
      .where("key", "=", "account:slow@example.test")
      .execute();
    await signIn(db, { email: "slow@example.test", password: "wrong", ip: "10.4.0.1" });
    const row = await db
      .selectFrom("login_throttle")
      .selectAll()
      .where("key", "=", "account:slow@example.test")
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(1);
    expect(row.locked_until).toBeNull();
  });
});
