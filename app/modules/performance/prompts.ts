/**
 * Performance-review prompts: questions for an employee's conversation,
 * grounded in their own evidence of the cycle's period. Each rule says which
 * evidence triggers it and which values its template may use; the wording
 * lives in the locale files (`performance.prompts.<rule>`) and leaders may
 * reword it per language (`prompt_templates`).
 *
 * Tone (DOMAIN.md, seeds 001–002): praise what people did; where evidence is
 * missing, ask forward-looking questions, never point at a shortfall.
 *
 * Pure and browser-safe.
 */
import type { Evidence, EvidenceImprovement, EvidenceStory } from "./evidence.ts";
import { PROMPT_LIMITS } from "./constants.ts";

export type PromptSource =
  | { kind: "story"; id: string }
  | { kind: "recognition"; id: string }
  | { kind: "shadowNote"; id: string }
  | { kind: "improvement"; id: string; departmentSlug: string };

export interface Prompt {
  rule: RuleKey;
  /** The template's values, but `behaviour`, which is named in the reader's language from `behaviourId`. */
  values: Record<string, string>;
  behaviourId?: string;
  source?: PromptSource;
}

type Draft = Omit<Prompt, "rule">;

interface Rule {
  /** The placeholders its template may use, as `{{name}}`. */
  placeholders: readonly string[];
  /** The prompt when the evidence triggers the rule, else null. */
  apply: (evidence: Evidence) => Draft | null;
}

/** The story to ask about: a featured one first, then the one showing most behaviours, then the newest. */
function bestStory(stories: EvidenceStory[]): EvidenceStory | undefined {
  return [...stories].sort(
    (a, b) =>
      Number(b.featured) - Number(a.featured) ||
      b.behaviourIds.length - a.behaviourIds.length ||
      b.happenedOn.localeCompare(a.happenedOn),
  )[0];
}

function improvedKpi(improvement: EvidenceImprovement) {
  return improvement.movements.find((m) => m.improved);
}

/** A done improvement the person owned after which one of the department's KPIs got better. */
function kpiWin(evidence: Evidence): EvidenceImprovement | undefined {
  return evidence.improvements.find((i) => i.status === "done" && improvedKpi(i));
}

function mostFrequent(ids: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, count] of counts) if (best === undefined || count > counts.get(best)!) best = id;
  return best;
}

function storySource(story: EvidenceStory): PromptSource {
  return { kind: "story", id: story.id };
}

/** Typed as a Rule, so that every rule's prompt has the same shape. */
function rule(definition: Rule): Rule {
  return definition;
}

/**
 * The rules in priority order: when more than fit are triggered, the earlier
 * ones are asked. `support` closes every preparation.
 */
export const PROMPT_RULES = {
  storyWritten: rule({
    placeholders: ["title", "behaviour"],
    apply: (e) => {
      const story = bestStory(e.storiesWritten);
      if (!story) return null;
      return { values: { title: story.title }, behaviourId: story.behaviourIds[0], source: storySource(story) };
    },
  }),
  improvementKpiRose: rule({
    placeholders: ["kpi", "improvement", "department"],
    apply: (e) => {
      const improvement = kpiWin(e);
      if (!improvement) return null;
      return {
        values: {
          kpi: improvedKpi(improvement)!.name,
          improvement: improvement.description,
          department: improvement.departmentName,
        },
        source: { kind: "improvement", id: improvement.id, departmentSlug: improvement.departmentSlug },
      };
    },
  }),
  recognitionReceived: rule({
    placeholders: ["author", "behaviour"],
    apply: (e) => {
      const behaviourId = mostFrequent(e.recognitionReceived.map((r) => r.behaviourId));
      const recognition = e.recognitionReceived.find((r) => r.behaviourId === behaviourId);
      if (!recognition) return null;
      return {
        values: { author: recognition.authorName },
        behaviourId,
        source: { kind: "recognition", id: recognition.id },
      };
    },
  }),
  storyNamed: rule({
    placeholders: ["title", "author"],
    apply: (e) => {
      const story = bestStory(e.storiesNamed);
      if (!story) return null;
      return { values: { title: story.title, author: story.authorName }, source: storySource(story) };
    },
  }),
  shadowed: rule({
    placeholders: ["department"],
    apply: (e) => {
      const session = e.shadowingDone.find((s) => s.noteId) ?? e.shadowingDone[0];
      if (!session) return null;
      return {
        values: { department: session.departmentName },
        source: session.noteId ? { kind: "shadowNote", id: session.noteId } : undefined,
      };
    },
  }),
  improvementOwned: rule({
    placeholders: ["improvement", "department"],
    apply: (e) => {
      // The one the KPI prompt did not already ask about.
      const asked = kpiWin(e);
      const improvement = e.improvements.find((i) => i !== asked);
      if (!improvement) return null;
      return {
        values: { improvement: improvement.description, department: improvement.departmentName },
        source: { kind: "improvement", id: improvement.id, departmentSlug: improvement.departmentSlug },
      };
    },
  }),
  hosted: rule({
    placeholders: [],
    apply: (e) => (e.shadowingHosted.some((s) => s.observers > 0) ? { values: {} } : null),
  }),
  strongestBehaviour: rule({
    placeholders: ["behaviour"],
    apply: (e) => {
      const top = e.behaviours[0];
      return top && top.count >= 2 ? { values: {}, behaviourId: top.id } : null;
    },
  }),
  noStory: rule({
    placeholders: [],
    apply: (e) => (e.storiesWritten.length === 0 ? { values: {} } : null),
  }),
  noShadowing: rule({
    placeholders: [],
    apply: (e) => (e.shadowingDone.length === 0 ? { values: {} } : null),
  }),
  recognitionGiven: rule({
    placeholders: ["name", "behaviour"],
    apply: (e) => {
      const given = e.recognitionGiven[0];
      if (!given) return null;
      return {
        values: { name: given.recipients },
        behaviourId: given.behaviourId,
        source: { kind: "recognition", id: given.id },
      };
    },
  }),
  noRecognitionGiven: rule({
    placeholders: [],
    apply: (e) => (e.recognitionGiven.length === 0 ? { values: {} } : null),
  }),
  quietBehaviour: rule({
    placeholders: ["behaviour"],
    apply: (e) => {
      // Only once there is some evidence: with none, every behaviour is quiet and the question says nothing.
      if (e.behaviours.length === 0) return null;
      const shown = new Set(e.behaviours.map((b) => b.id));
      const quiet = e.promiseBehaviourIds.find((id) => !shown.has(id));
      return quiet ? { values: {}, behaviourId: quiet } : null;
    },
  }),
  proudestMoment: rule({
    placeholders: [],
    apply: () => ({ values: {} }),
  }),
  support: rule({
    placeholders: [],
    apply: () => ({ values: {} }),
  }),
} satisfies Record<string, Rule>;

export type RuleKey = keyof typeof PROMPT_RULES;
export const RULE_KEYS = Object.keys(PROMPT_RULES) as RuleKey[];

/**
 * The prompts for a preparation: the triggered rules in priority order, at
 * most `PROMPT_LIMITS.max`, the closing question last. The rules are built so
 * that at least `PROMPT_LIMITS.min` always trigger (each of story, shadowing
 * and recognition given has a rule for having some and one for none).
 */
export function choosePrompts(evidence: Evidence): Prompt[] {
  const closing: RuleKey = "support";
  const chosen: Prompt[] = [];
  for (const rule of RULE_KEYS) {
    if (chosen.length === PROMPT_LIMITS.max - 1) break;
    if (rule === closing) continue;
    const draft = PROMPT_RULES[rule].apply(evidence);
    if (draft) chosen.push({ rule, ...draft });
  }
  chosen.push({ rule: closing, values: {} });
  return chosen;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The placeholders a template uses that its rule does not offer. */
export function unknownPlaceholders(rule: RuleKey, template: string): string[] {
  const offered = new Set<string>(PROMPT_RULES[rule].placeholders);
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => !offered.has(name));
}

/** A template with its values filled in (plain text: the page escapes it). */
export function renderPrompt(template: string, values: Record<string, string>): string {
  // Own keys only: `{{constructor}}` is not a value of every prompt.
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}
