import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "#app/i18n/server.ts";
import type { Movement } from "#app/modules/reviews/agenda.server.ts";
import { EVIDENCE_VERSION, PROMPT_LIMITS } from "#app/modules/performance/constants.ts";
import type {
  Evidence,
  EvidenceHosting,
  EvidenceImprovement,
  EvidenceRecognition,
  EvidenceShadowing,
  EvidenceStory,
} from "#app/modules/performance/evidence.ts";
import {
  choosePrompts,
  PROMPT_RULES,
  renderPrompt,
  RULE_KEYS,
  unknownPlaceholders,
  type RuleKey,
} from "#app/modules/performance/prompts.ts";

// ---------------------------------------------------------------------------
// Fixtures: an empty evidence plus what a test is about.
// ---------------------------------------------------------------------------

function story(id: string, fields: Partial<EvidenceStory> = {}): EvidenceStory {
  return {
    id,
    title: `Story ${id}`,
    happenedOn: "2026-03-01",
    authorName: "Ada",
    departmentName: "Customer Service",
    featured: false,
    behaviourIds: ["listen"],
    ...fields,
  };
}

function recognition(id: string, fields: Partial<EvidenceRecognition> = {}): EvidenceRecognition {
  return {
    id,
    createdAt: "2026-03-01T09:00:00.000Z",
    authorName: "Ada",
    recipients: "Bo",
    behaviourId: "listen",
    excerpt: "Thank you!",
    ...fields,
  };
}

function shadowing(slotId: string, fields: Partial<EvidenceShadowing> = {}): EvidenceShadowing {
  return { slotId, startsAt: "2026-03-01T09:00:00.000Z", departmentName: "Billing", noteId: null, ...fields };
}

function hosting(slotId: string, observers: number): EvidenceHosting {
  return { slotId, startsAt: "2026-03-01T09:00:00.000Z", observers };
}

function movement(name: string, improved: boolean): Movement {
  return {
    kpiId: `kpi-${name}`,
    name,
    unit: "percent",
    before: 50,
    after: improved ? 60 : 40,
    improved,
    worsened: !improved,
  };
}

function improvement(id: string, fields: Partial<EvidenceImprovement> = {}): EvidenceImprovement {
  return {
    id,
    description: `Improvement ${id}`,
    status: "in_progress",
    departmentSlug: "customer-service",
    departmentName: "Customer Service",
    chosenAt: "2026-02-01T09:00:00.000Z",
    doneAt: null,
    movements: [],
    ...fields,
  };
}

/** A done improvement after which a KPI got better: what `improvementKpiRose` asks about. */
function win(id: string, fields: Partial<EvidenceImprovement> = {}): EvidenceImprovement {
  return improvement(id, {
    status: "done",
    doneAt: "2026-03-10T09:00:00.000Z",
    movements: [movement("First contact resolution", true)],
    ...fields,
  });
}

type EvidenceLists = Omit<Evidence, "version" | "asOf" | "periodStart" | "periodEnd" | "counts">;

/** Evidence with nothing in it, but what is given; the counts follow the lists. */
function evidence(lists: Partial<EvidenceLists> = {}): Evidence {
  const all: EvidenceLists = {
    storiesWritten: [],
    storiesNamed: [],
    recognitionReceived: [],
    recognitionGiven: [],
    shadowingDone: [],
    shadowingHosted: [],
    improvements: [],
    behaviours: [],
    promiseBehaviourIds: [],
    ...lists,
  };
  return {
    version: EVIDENCE_VERSION,
    asOf: "2026-04-01T09:00:00.000Z",
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
    counts: {
      storiesWritten: all.storiesWritten.length,
      storiesNamed: all.storiesNamed.length,
      recognitionReceived: all.recognitionReceived.length,
      recognitionGiven: all.recognitionGiven.length,
      shadowingDone: all.shadowingDone.length,
      shadowingHosted: all.shadowingHosted.length,
      improvements: all.improvements.length,
    },
    ...all,
  };
}

/** Evidence that triggers every rule. */
function richEvidence(): Evidence {
  return evidence({
    storiesWritten: [story("written")],
    storiesNamed: [story("named", { authorName: "Cy" })],
    recognitionReceived: [recognition("received")],
    recognitionGiven: [recognition("given")],
    shadowingDone: [shadowing("slot", { noteId: "note" })],
    shadowingHosted: [hosting("hosted", 2)],
    improvements: [win("win"), improvement("owned")],
    behaviours: [{ id: "listen", count: 3 }],
    promiseBehaviourIds: ["listen", "own"],
  });
}

const apply = (rule: RuleKey, e: Evidence) => PROMPT_RULES[rule].apply(e);
const rules = (e: Evidence) => choosePrompts(e).map((p) => p.rule);

// ---------------------------------------------------------------------------
// Every rule: when it triggers (and with what), and when it does not.
// ---------------------------------------------------------------------------

const TRIGGERED: Record<RuleKey, { evidence: Evidence; draft: unknown }> = {
  storyWritten: {
    evidence: evidence({
      storiesWritten: [story("s1", { title: "The lost parcel", behaviourIds: ["own", "listen"] })],
    }),
    draft: { values: { title: "The lost parcel" }, behaviourId: "own", source: { kind: "story", id: "s1" } },
  },
  improvementKpiRose: {
    evidence: evidence({
      improvements: [
        win("i1", { description: "Call back the same day", departmentName: "Billing", departmentSlug: "billing" }),
      ],
    }),
    draft: {
      values: { kpi: "First contact resolution", improvement: "Call back the same day", department: "Billing" },
      source: { kind: "improvement", id: "i1", departmentSlug: "billing" },
    },
  },
  recognitionReceived: {
    evidence: evidence({ recognitionReceived: [recognition("r1", { authorName: "Dee", behaviourId: "explain" })] }),
    draft: { values: { author: "Dee" }, behaviourId: "explain", source: { kind: "recognition", id: "r1" } },
  },
  storyNamed: {
    evidence: evidence({ storiesNamed: [story("s2", { title: "Late-night fix", authorName: "Eve" })] }),
    draft: { values: { title: "Late-night fix", author: "Eve" }, source: { kind: "story", id: "s2" } },
  },
  shadowed: {
    evidence: evidence({ shadowingDone: [shadowing("slot1", { departmentName: "Logistics", noteId: "n1" })] }),
    draft: { values: { department: "Logistics" }, source: { kind: "shadowNote", id: "n1" } },
  },
  improvementOwned: {
    evidence: evidence({
      improvements: [improvement("i2", { description: "Shorter forms", departmentName: "Sales" })],
    }),
    draft: {
      values: { improvement: "Shorter forms", department: "Sales" },
      source: { kind: "improvement", id: "i2", departmentSlug: "customer-service" },
    },
  },
  hosted: {
    evidence: evidence({ shadowingHosted: [hosting("h1", 1)] }),
    draft: { values: {} },
  },
  strongestBehaviour: {
    evidence: evidence({
      behaviours: [
        { id: "follow-up", count: 2 },
        { id: "listen", count: 1 },
      ],
    }),
    draft: { values: {}, behaviourId: "follow-up" },
  },
  noStory: { evidence: evidence(), draft: { values: {} } },
  noShadowing: { evidence: evidence(), draft: { values: {} } },
  recognitionGiven: {
    evidence: evidence({
      recognitionGiven: [
        recognition("newest", { recipients: "Ada, Customer Service", behaviourId: "own" }),
        recognition("older", { recipients: "Bo", behaviourId: "listen" }),
      ],
    }),
    draft: {
      values: { name: "Ada, Customer Service" },
      behaviourId: "own",
      source: { kind: "recognition", id: "newest" },
    },
  },
  noRecognitionGiven: { evidence: evidence(), draft: { values: {} } },
  quietBehaviour: {
    evidence: evidence({ behaviours: [{ id: "listen", count: 1 }], promiseBehaviourIds: ["listen", "own", "explain"] }),
    draft: { values: {}, behaviourId: "own" },
  },
  proudestMoment: { evidence: evidence(), draft: { values: {} } },
  support: { evidence: evidence(), draft: { values: {} } },
};

/** Evidence on which a rule stays silent (the two that always trigger are dealt with in choosePrompts). */
const SILENT: Record<Exclude<RuleKey, "proudestMoment" | "support">, Evidence> = {
  storyWritten: evidence({ storiesNamed: [story("named")] }),
  improvementKpiRose: evidence({
    improvements: [
      // Done, but no KPI got better.
      win("flat", { movements: [movement("Waiting time", false)] }),
      // A KPI got better, but the improvement is not done.
      improvement("busy", { status: "in_progress", movements: [movement("Waiting time", true)] }),
    ],
  }),
  recognitionReceived: evidence({ recognitionGiven: [recognition("given")] }),
  storyNamed: evidence({ storiesWritten: [story("written")] }),
  shadowed: evidence({ shadowingHosted: [hosting("hosted", 3)] }),
  improvementOwned: evidence({ improvements: [win("only-the-win")] }),
  hosted: evidence({ shadowingHosted: [hosting("nobody-came", 0)] }),
  strongestBehaviour: evidence({
    behaviours: [
      { id: "listen", count: 1 },
      { id: "own", count: 1 },
    ],
  }),
  noStory: evidence({ storiesWritten: [story("written")] }),
  noShadowing: evidence({ shadowingDone: [shadowing("slot")] }),
  recognitionGiven: evidence({ recognitionReceived: [recognition("received")] }),
  noRecognitionGiven: evidence({ recognitionGiven: [recognition("given")] }),
  quietBehaviour: evidence({
    behaviours: [
      { id: "listen", count: 2 },
      { id: "own", count: 1 },
    ],
    promiseBehaviourIds: ["own", "listen"],
  }),
};

describe("PROMPT_RULES", () => {
  it("has a trigger case for every rule", () => {
    expect(Object.keys(TRIGGERED).sort()).toEqual([...RULE_KEYS].sort());
  });

  it.each(RULE_KEYS)("%s triggers on its evidence with the expected values", (rule) => {
    expect(apply(rule, TRIGGERED[rule].evidence)).toEqual(TRIGGERED[rule].draft);
  });

  it.each(Object.keys(SILENT) as (keyof typeof SILENT)[])("%s stays silent without its evidence", (rule) => {
    expect(apply(rule, SILENT[rule])).toBeNull();
  });

  it("rules that need evidence stay silent on empty evidence", () => {
    const triggered = RULE_KEYS.filter((rule) => apply(rule, evidence()) !== null);
    expect(triggered).toEqual(["noStory", "noShadowing", "noRecognitionGiven", "proudestMoment", "support"]);
  });

  describe("storyWritten", () => {
    it("picks a featured story over one showing more behaviours", () => {
      const e = evidence({
        storiesWritten: [
          story("many", { behaviourIds: ["listen", "own", "explain"], happenedOn: "2026-03-20" }),
          story("featured", { featured: true, behaviourIds: ["explain"], happenedOn: "2026-01-05" }),
        ],
      });
      expect(apply("storyWritten", e)).toEqual({
        values: { title: "Story featured" },
        behaviourId: "explain",
        source: { kind: "story", id: "featured" },
      });
    });

    it("then the story showing more behaviours over a newer one", () => {
      const e = evidence({
        storiesWritten: [
          story("newer", { behaviourIds: ["listen"], happenedOn: "2026-03-20" }),
          story("richer", { behaviourIds: ["own", "listen"], happenedOn: "2026-01-05" }),
        ],
      });
      expect(apply("storyWritten", e)?.source).toEqual({ kind: "story", id: "richer" });
    });

    it("then the newest", () => {
      const e = evidence({
        storiesWritten: [
          story("january", { happenedOn: "2026-01-31" }),
          story("march", { happenedOn: "2026-03-02" }),
          story("february", { happenedOn: "2026-02-15" }),
        ],
      });
      expect(apply("storyWritten", e)?.source).toEqual({ kind: "story", id: "march" });
    });

    it("leaves the evidence's own order alone", () => {
      const stories = [story("plain"), story("featured", { featured: true })];
      apply("storyWritten", evidence({ storiesWritten: stories }));
      expect(stories.map((s) => s.id)).toEqual(["plain", "featured"]);
    });
  });

  describe("storyNamed", () => {
    it("picks the same way, and names the author", () => {
      const e = evidence({
        storiesNamed: [
          story("newer", { authorName: "Bo", happenedOn: "2026-03-20" }),
          story("featured", { authorName: "Cy", featured: true, happenedOn: "2026-01-05" }),
        ],
      });
      expect(apply("storyNamed", e)).toEqual({
        values: { title: "Story featured", author: "Cy" },
        source: { kind: "story", id: "featured" },
      });
    });
  });

  describe("improvementKpiRose", () => {
    it("asks about the first done improvement with a KPI that got better, naming that KPI", () => {
      const e = evidence({
        improvements: [
          win("flat", { movements: [movement("Waiting time", false)] }),
          improvement("busy", { movements: [movement("Waiting time", true)] }),
          win("rose", { movements: [movement("Waiting time", false), movement("Satisfaction", true)] }),
          win("later"),
        ],
      });
      expect(apply("improvementKpiRose", e)).toEqual({
        values: { kpi: "Satisfaction", improvement: "Improvement rose", department: "Customer Service" },
        source: { kind: "improvement", id: "rose", departmentSlug: "customer-service" },
      });
    });
  });

  describe("recognitionReceived", () => {
    it("asks about the behaviour recognised most often, with a recognition for it", () => {
      const e = evidence({
        recognitionReceived: [
          recognition("r1", { authorName: "Ada", behaviourId: "listen" }),
          recognition("r2", { authorName: "Bo", behaviourId: "own" }),
          recognition("r3", { authorName: "Cy", behaviourId: "own" }),
        ],
      });
      expect(apply("recognitionReceived", e)).toEqual({
        values: { author: "Bo" },
        behaviourId: "own",
        source: { kind: "recognition", id: "r2" },
      });
    });

    it("on a tie, takes the behaviour of the newest (first listed) recognition", () => {
      const e = evidence({
        recognitionReceived: [
          recognition("newest", { behaviourId: "explain" }),
          recognition("older", { behaviourId: "own" }),
          recognition("oldest", { behaviourId: "own" }),
          recognition("ancient", { behaviourId: "explain" }),
        ],
      });
      expect(apply("recognitionReceived", e)).toMatchObject({
        behaviourId: "explain",
        source: { kind: "recognition", id: "newest" },
      });
    });
  });

  describe("shadowed", () => {
    it("prefers a session with a note, and links the note", () => {
      const e = evidence({
        shadowingDone: [
          shadowing("newest", { departmentName: "Billing" }),
          shadowing("noted", { departmentName: "Logistics", noteId: "note-1" }),
        ],
      });
      expect(apply("shadowed", e)).toEqual({
        values: { department: "Logistics" },
        source: { kind: "shadowNote", id: "note-1" },
      });
    });

    it("without any note, asks about the first session and links nothing", () => {
      const e = evidence({
        shadowingDone: [
          shadowing("first", { departmentName: "Billing" }),
          shadowing("second", { departmentName: "Sales" }),
        ],
      });
      expect(apply("shadowed", e)).toEqual({ values: { department: "Billing" }, source: undefined });
    });
  });

  describe("improvementOwned", () => {
    it("skips the improvement the KPI rule already asks about", () => {
      const e = evidence({ improvements: [win("win"), improvement("other", { description: "Shorter forms" })] });
      expect(apply("improvementKpiRose", e)?.source).toMatchObject({ id: "win" });
      expect(apply("improvementOwned", e)).toEqual({
        values: { improvement: "Shorter forms", department: "Customer Service" },
        source: { kind: "improvement", id: "other", departmentSlug: "customer-service" },
      });
    });

    it("asks about a done improvement when no KPI got better after it", () => {
      const e = evidence({ improvements: [win("flat", { movements: [movement("Waiting time", false)] })] });
      expect(apply("improvementKpiRose", e)).toBeNull();
      expect(apply("improvementOwned", e)?.source).toMatchObject({ id: "flat" });
    });

    it("with no improvement at all, stays silent", () => {
      expect(apply("improvementOwned", evidence())).toBeNull();
    });
  });

  describe("hosted", () => {
    it("triggers when any hosted session had an observer", () => {
      const e = evidence({ shadowingHosted: [hosting("empty", 0), hosting("visited", 1)] });
      expect(apply("hosted", e)).toEqual({ values: {} });
    });
  });

  describe("strongestBehaviour", () => {
    it("needs the top behaviour to show at least twice", () => {
      expect(apply("strongestBehaviour", evidence({ behaviours: [{ id: "own", count: 2 }] }))).toEqual({
        values: {},
        behaviourId: "own",
      });
      expect(apply("strongestBehaviour", evidence({ behaviours: [{ id: "own", count: 1 }] }))).toBeNull();
      expect(apply("strongestBehaviour", evidence())).toBeNull();
    });
  });

  describe("quietBehaviour", () => {
    it("returns the first promise behaviour, in the promise's order, that does not show", () => {
      const e = evidence({
        behaviours: [
          { id: "own", count: 4 },
          { id: "listen", count: 1 },
        ],
        promiseBehaviourIds: ["listen", "explain", "own", "follow-up"],
      });
      expect(apply("quietBehaviour", e)).toEqual({ values: {}, behaviourId: "explain" });
    });

    it("is null with no evidence at all, though every behaviour is then quiet", () => {
      expect(apply("quietBehaviour", evidence({ promiseBehaviourIds: ["listen", "own"] }))).toBeNull();
    });

    it("is null without a promise", () => {
      expect(apply("quietBehaviour", evidence({ behaviours: [{ id: "own", count: 1 }] }))).toBeNull();
    });
  });
});

// ---------------------------------------------------------------------------
// choosePrompts
// ---------------------------------------------------------------------------

describe("choosePrompts", () => {
  it("with no evidence, asks forward-looking questions, at least the minimum, support last", () => {
    const prompts = choosePrompts(evidence());
    expect(prompts.length).toBeGreaterThanOrEqual(PROMPT_LIMITS.min);
    expect(prompts.map((p) => p.rule)).toEqual([
      "noStory",
      "noShadowing",
      "noRecognitionGiven",
      "proudestMoment",
      "support",
    ]);
    expect(prompts.at(-1)).toEqual({ rule: "support", values: {} });
  });

  it("with rich evidence, asks exactly the maximum and drops the lowest-priority rules", () => {
    const e = richEvidence();
    // Every rule but the three "no …" ones triggers here.
    expect(RULE_KEYS.filter((rule) => apply(rule, e) === null)).toEqual([
      "noStory",
      "noShadowing",
      "noRecognitionGiven",
    ]);
    const chosen = rules(e);
    expect(chosen).toHaveLength(PROMPT_LIMITS.max);
    expect(chosen).toEqual([
      "storyWritten",
      "improvementKpiRose",
      "recognitionReceived",
      "storyNamed",
      "shadowed",
      "improvementOwned",
      "hosted",
      "support",
    ]);
    for (const dropped of ["strongestBehaviour", "recognitionGiven", "quietBehaviour", "proudestMoment"]) {
      expect(chosen).not.toContain(dropped);
    }
  });

  it("carries each rule's values, behaviour and source into its prompt", () => {
    const e = richEvidence();
    for (const prompt of choosePrompts(e)) {
      const { rule, ...draft } = prompt;
      expect(draft, rule).toEqual(apply(rule, e));
    }
  });

  it("asks proudestMoment while there is room", () => {
    const e = evidence({ storiesWritten: [story("s")], shadowingDone: [shadowing("slot")] });
    expect(rules(e)).toEqual(["storyWritten", "shadowed", "noRecognitionGiven", "proudestMoment", "support"]);
  });

  it("never asks a rule twice", () => {
    for (const e of [evidence(), richEvidence()]) {
      const chosen = rules(e);
      expect(new Set(chosen).size).toBe(chosen.length);
    }
  });

  describe("for arbitrary evidence", () => {
    const behaviourId = fc.constantFrom("listen", "own", "explain", "follow-up", "surprise");
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
    const name = fc.string({ maxLength: 12 });
    const storyArb = fc.record({
      id: fc.uuid(),
      title: name,
      happenedOn: day,
      authorName: name,
      departmentName: name,
      featured: fc.boolean(),
      // Stories are published with at least one behaviour.
      behaviourIds: fc.uniqueArray(behaviourId, { minLength: 1 }),
    });
    const recognitionArb = fc.record({
      id: fc.uuid(),
      createdAt: day.map((d) => `${d}T09:00:00.000Z`),
      authorName: name,
      recipients: name,
      behaviourId,
      excerpt: name,
    });
    const shadowingArb = fc.record({
      slotId: fc.uuid(),
      startsAt: day.map((d) => `${d}T09:00:00.000Z`),
      departmentName: name,
      noteId: fc.option(fc.uuid(), { nil: null }),
    });
    const hostingArb = fc.record({
      slotId: fc.uuid(),
      startsAt: fc.constant("2026-03-01T09:00:00.000Z"),
      observers: fc.nat(3),
    });
    const improvementArb = fc.record({
      id: fc.uuid(),
      description: name,
      status: fc.constantFrom("chosen" as const, "in_progress" as const, "done" as const),
      departmentSlug: fc.constantFrom("billing", "sales"),
      departmentName: name,
      chosenAt: fc.constant("2026-02-01T09:00:00.000Z"),
      doneAt: fc.constant(null),
      movements: fc.array(
        fc.tuple(name, fc.boolean()).map(([kpi, improved]) => movement(kpi, improved)),
        { maxLength: 3 },
      ),
    });
    const evidenceArb = fc
      .record({
        storiesWritten: fc.array(storyArb, { maxLength: 3 }),
        storiesNamed: fc.array(storyArb, { maxLength: 3 }),
        recognitionReceived: fc.array(recognitionArb, { maxLength: 4 }),
        recognitionGiven: fc.array(recognitionArb, { maxLength: 3 }),
        shadowingDone: fc.array(shadowingArb, { maxLength: 3 }),
        shadowingHosted: fc.array(hostingArb, { maxLength: 2 }),
        improvements: fc.array(improvementArb, { maxLength: 3 }),
        behaviours: fc.uniqueArray(fc.record({ id: behaviourId, count: fc.integer({ min: 1, max: 4 }) }), {
          selector: (b) => b.id,
        }),
        promiseBehaviourIds: fc.uniqueArray(behaviourId),
      })
      .map((lists) => evidence(lists));

    it("asks between the minimum and the maximum, support last, no rule twice", () => {
      fc.assert(
        fc.property(evidenceArb, (e) => {
          const chosen = rules(e);
          expect(chosen.length).toBeGreaterThanOrEqual(PROMPT_LIMITS.min);
          expect(chosen.length).toBeLessThanOrEqual(PROMPT_LIMITS.max);
          expect(chosen.at(-1)).toBe("support");
          expect(chosen.indexOf("support")).toBe(chosen.length - 1);
          expect(new Set(chosen).size).toBe(chosen.length);
        }),
      );
    });

    it("asks the triggered rules in priority order, the earliest while they fit", () => {
      fc.assert(
        fc.property(evidenceArb, (e) => {
          const triggered = RULE_KEYS.filter((rule) => rule !== "support" && apply(rule, e) !== null);
          expect(rules(e)).toEqual([...triggered.slice(0, PROMPT_LIMITS.max - 1), "support"]);
        }),
      );
    });

    it("gives each prompt exactly the values its rule's placeholders need", () => {
      fc.assert(
        fc.property(evidenceArb, (e) => {
          for (const prompt of choosePrompts(e)) {
            const given = [...Object.keys(prompt.values), ...(prompt.behaviourId ? ["behaviour"] : [])].sort();
            expect(given, prompt.rule).toEqual([...PROMPT_RULES[prompt.rule].placeholders].sort());
          }
        }),
      );
    });
  });
});

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

describe("unknownPlaceholders", () => {
  it("accepts the placeholders the rule offers", () => {
    expect(unknownPlaceholders("storyWritten", "In “{{title}}” you showed “{{behaviour}}”.")).toEqual([]);
    expect(unknownPlaceholders("hosted", "No placeholders here.")).toEqual([]);
  });

  it("names the others once each, in the order they appear", () => {
    expect(unknownPlaceholders("storyWritten", "{{author}} wrote {{title}} for {{kpi}}, thanks {{author}}")).toEqual([
      "author",
      "kpi",
    ]);
    expect(unknownPlaceholders("support", "Hi {{name}}")).toEqual(["name"]);
  });

  it("reads whitespace inside the braces", () => {
    expect(unknownPlaceholders("storyNamed", "{{ title }} by {{\tauthor  }}")).toEqual([]);
    expect(unknownPlaceholders("storyNamed", "{{  department }}")).toEqual(["department"]);
  });

  it("knows only the rule's own placeholders, not the object's", () => {
    expect(unknownPlaceholders("support", "{{constructor}} {{toString}}")).toEqual(["constructor", "toString"]);
  });

  it("ignores what is not a placeholder", () => {
    expect(unknownPlaceholders("support", "{name} {{first name}} {{}} {{ name")).toEqual([]);
  });
});

describe("renderPrompt", () => {
  it("fills in known placeholders, every time they appear, whitespace or not", () => {
    expect(renderPrompt("{{title}}: {{ title }} by {{author }}", { title: "Late-night fix", author: "Eve" })).toBe(
      "Late-night fix: Late-night fix by Eve",
    );
  });

  it("leaves unknown placeholders as typed", () => {
    expect(renderPrompt("Hi {{ nobody }} and {{title}}", { title: "X" })).toBe("Hi {{ nobody }} and X");
    expect(renderPrompt("{{constructor}} {{toString}} {{__proto__}}", {})).toBe(
      "{{constructor}} {{toString}} {{__proto__}}",
    );
  });

  it("fills in an empty value as empty", () => {
    expect(renderPrompt("You showed “{{behaviour}}”.", { behaviour: "" })).toBe("You showed “”.");
  });

  it("inserts values literally", () => {
    expect(renderPrompt("In “{{title}}”", { title: "$& costs $1 {{title}}" })).toBe("In “$& costs $1 {{title}}”");
  });
});

describe("English templates", () => {
  const templates: Record<string, string> = MESSAGES.en.performance.prompts;
  const descriptions: Record<string, string> = MESSAGES.en.performance.rules;

  it("exist for exactly the rules, each described", () => {
    expect(Object.keys(templates).sort()).toEqual([...RULE_KEYS].sort());
    expect(Object.keys(descriptions).sort()).toEqual([...RULE_KEYS].sort());
  });

  it.each(RULE_KEYS)("%s uses only its rule's placeholders, and all of them", (rule) => {
    const template = templates[rule]!;
    expect(template.trim()).not.toBe("");
    expect(template.length).toBeLessThanOrEqual(PROMPT_LIMITS.template);
    expect(unknownPlaceholders(rule, template)).toEqual([]);
    for (const placeholder of PROMPT_RULES[rule].placeholders) expect(template).toContain(`{{${placeholder}}}`);
  });

  it("render with a triggered rule's values into plain text", () => {
    for (const rule of RULE_KEYS) {
      const { values, behaviourId } = apply(rule, TRIGGERED[rule].evidence)!;
      const text = renderPrompt(templates[rule]!, { ...values, ...(behaviourId ? { behaviour: behaviourId } : {}) });
      expect(text, rule).not.toMatch(/\{\{|\}\}/);
    }
  });
});
