import { describe, expect, it } from "vitest";
import { slugify } from "#app/modules/departments/departments.server.ts";

describe("slugify", () => {
  it("makes readable addresses from Nordic names", () => {
    expect(slugify("Kundeservice & Salg")).toBe("kundeservice-salg");
    expect(slugify("Økonomi og Løn")).toBe("okonomi-og-lon");
    expect(slugify("Kundtjänst Åre")).toBe("kundtjanst-are");
    expect(slugify("Ærlig Ærgrelse")).toBe("aerlig-aergrelse");
    expect(slugify("  E-commerce  ")).toBe("e-commerce");
  });

  it("gives an empty slug when nothing usable is left", () => {
    expect(slugify("!!!")).toBe("");
  });
});
