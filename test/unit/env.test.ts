import { describe, expect, it } from "vitest";
import { parseEnv } from "#app/env.server.ts";

describe("the configuration", () => {
  it("seeds the demo into an empty embedded database by default, never by default on a PostgreSQL server", () => {
    expect(parseEnv({}).SERVICELOOP_SEED_DEMO).toBe(true);
    expect(parseEnv({ DATABASE_URL: "postgres://db.example/serviceloop" }).SERVICELOOP_SEED_DEMO).toBe(false);
    expect(
      parseEnv({ DATABASE_URL: "postgres://db.example/serviceloop", SERVICELOOP_SEED_DEMO: "true" })
        .SERVICELOOP_SEED_DEMO,
    ).toBe(true);
    expect(parseEnv({ SERVICELOOP_SEED_DEMO: "false" }).SERVICELOOP_SEED_DEMO).toBe(false);
  });

  it("names each bad setting", () => {
    const bad = () => parseEnv({ SERVICELOOP_SEED_DEMO: "yes", PORT: "-1" });
    expect(bad).toThrow(/PORT: Number must be greater than or equal to 0/);
    expect(bad).toThrow(/SERVICELOOP_SEED_DEMO: Invalid enum value/);
  });
});
