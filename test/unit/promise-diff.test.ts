import { describe, expect, it } from "vitest";
import { diffPromise } from "#app/modules/promise/diff.ts";
import { localize, translationState, type PromiseBehaviour, type PromiseDocument } from "#app/modules/promise/model.ts";

const behaviour = (behaviourId: string, title: string, description = ""): PromiseBehaviour => ({
  id: `row-${behaviourId}-${title}`,
  behaviourId,
  position: 0,
  title,
  description,
  examples: "",
  translations: {},
});

function doc(
  pillars: { pillarId: string; title: string; behaviours: PromiseBehaviour[] }[],
  intro = "Intro",
): PromiseDocument {
  return {
    id: "v",
    number: 1,
    status: "published",
    title: "Our promise",
    intro,
    sourceLocale: "en",
    translations: {},
    revision: 0,
    publishedAt: null,
    publishedByName: null,
    pillars: pillars.map((p, i) => ({ id: `row-${p.pillarId}`, position: i + 1, body: "", translations: {}, ...p })),
  };
}

describe("diffPromise", () => {
  const v1 = doc([
    {
      pillarId: "p1",
      title: "Personal advice",
      behaviours: [behaviour("b1", "Say your name"), behaviour("b2", "Call back", "the same day")],
    },
    { pillarId: "p2", title: "Easy to reach", behaviours: [behaviour("b3", "Answer in three rings")] },
  ]);

  it("matches items by identity: an edited behaviour is changed, with a word diff", () => {
    const v2 = doc([
      {
        pillarId: "p1",
        title: "Personal advice",
        behaviours: [behaviour("b1", "Say your name"), behaviour("b2", "Call back", "the same working day")],
      },
      { pillarId: "p2", title: "Easy to reach", behaviours: [behaviour("b3", "Answer in three rings")] },
    ]);
    const diff = diffPromise(v1, v2);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1 });
    const change = diff.pillars[0]!.behaviours[1]!;
    expect(change.kind).toBe("changed");
    if (change.kind !== "changed") throw new Error("unreachable");
    expect(change.fields).toHaveLength(1);
    expect(change.fields[0]!.field).toBe("description");
    expect(change.fields[0]!.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["working"]);
  });

  it("reports added and removed behaviours and pillars, and a title change of a kept pillar", () => {
    const v2 = doc(
      [
        {
          pillarId: "p1",
          title: "Personal, present advice",
          behaviours: [behaviour("b1", "Say your name"), behaviour("b4", "Use plain words")],
        },
        { pillarId: "p3", title: "We keep promises", behaviours: [behaviour("b2", "Call back", "the same day")] },
      ],
      "A new intro",
    );
    const diff = diffPromise(v1, v2);
    const kinds = diff.pillars.map((p) => [p.change.kind, p.behaviours.map((b) => b.kind)]);
    expect(kinds).toEqual([
      ["changed", ["unchanged", "added"]],
      ["added", ["unchanged"]],
      ["removed", ["removed"]],
    ]);
    // b2 moved to another pillar: kept, not removed and added again.
    const moved = diff.pillars[1]!.behaviours[0]!;
    expect(moved.kind === "unchanged" && moved.moved).toBe(true);
    expect(diff.header.map((h) => h.field)).toEqual(["intro"]);
    expect(diff.summary).toEqual({ added: 2, removed: 2, changed: 2 });
  });

  it("finds nothing between a version and itself", () => {
    expect(diffPromise(v1, v1).summary).toEqual({ added: 0, removed: 0, changed: 0 });
  });
});

describe("translations", () => {
  const translations = { sv: { title: { text: "Vårt löfte", source: "abc" } } };

  it("shows the reader's translation while it translates the current original", () => {
    expect(localize("Our promise", translations, "title", "sv", "en", "abc")).toEqual({
      text: "Vårt löfte",
      fallback: false,
    });
    expect(translationState("Our promise", translations, "title", "sv", "abc")).toBe("current");
  });

  it("falls back to the original, marked, when the translation is missing or older than the text", () => {
    expect(localize("Our promise", translations, "title", "da", "en", "abc")).toEqual({
      text: "Our promise",
      fallback: true,
    });
    expect(localize("Our new promise", translations, "title", "sv", "en", "changed")).toEqual({
      text: "Our new promise",
      fallback: true,
    });
    expect(translationState("Our new promise", translations, "title", "sv", "changed")).toBe("outdated");
    expect(translationState("Our promise", translations, "title", "nb", "abc")).toBe("missing");
  });

  it("shows the original to readers of the original's language", () => {
    expect(localize("Vårt löfte", {}, "title", "sv", "sv", "x")).toEqual({ text: "Vårt löfte", fallback: false });
  });
});

describe("moves", () => {
  it("does not call an item moved because a neighbour was removed or added, only when the order changes", () => {
    const v1 = doc([
      { pillarId: "p", title: "P", behaviours: [behaviour("a", "A"), behaviour("b", "B"), behaviour("c", "C")] },
    ]);
    const removedFirst = doc([{ pillarId: "p", title: "P", behaviours: [behaviour("b", "B"), behaviour("c", "C")] }]);
    expect(diffPromise(v1, removedFirst).pillars[0]!.behaviours.map((b) => "moved" in b && b.moved)).toEqual([
      false,
      false,
      false,
    ]);
    const swapped = doc([
      { pillarId: "p", title: "P", behaviours: [behaviour("a", "A"), behaviour("c", "C"), behaviour("b", "B")] },
    ]);
    expect(diffPromise(v1, swapped).pillars[0]!.behaviours.map((b) => "moved" in b && b.moved)).toEqual([
      false,
      true,
      true,
    ]);
  });
});
