import { describe, expect, it } from "vitest";
import { safeRedirect } from "#app/modules/auth/sign-in.server.ts";

describe("safeRedirect", () => {
  it("keeps same-site relative paths with their query", () => {
    expect(safeRedirect("/departments/claims?tab=members")).toBe("/departments/claims?tab=members");
    expect(safeRedirect("/")).toBe("/");
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
    ["/\t/evil.example"],
    [null],
    [undefined],
  ])("refuses %j and falls back to the home page", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });
});
