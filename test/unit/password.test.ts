import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "#app/modules/auth/password.server.ts";

describe("passwords", () => {
  it("hash with argon2id, 19 MiB and 2 iterations, salted", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(a, "Correct horse battery staple")).toBe(false);
  });

  it("verify nothing for an account without a password, and never throw on garbage", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("recognise common passwords whatever their case", () => {
    expect(isCommonPassword("Password")).toBe(true);
    expect(isCommonPassword("qwerty123456")).toBe(true);
    expect(isCommonPassword("fjord lantern quietly 42")).toBe(false);
  });
});
