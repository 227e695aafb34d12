import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "#db/connect.ts";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a database that is away, restarting, refusing or over its time limit", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "53300", "57014", "08006", "08001"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("looks through causes and the errors of an AggregateError (every address refused)", () => {
    expect(isDatabaseUnavailable(new Error("query failed", { cause: withCode("ECONNREFUSED") }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("leaves bad queries and other errors to be server errors", () => {
    for (const code of ["23505", "42P01", "22P02", "40001"])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });
});
