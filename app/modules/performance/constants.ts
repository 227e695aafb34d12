/** Browser-safe limits of performance-review cycles and preparations. */
export const CYCLE_LIMITS = {
  name: 120,
  /** The longest period a cycle may cover, in days. */
  periodDays: 366,
  /** Self-reflection and manager notes, in characters. */
  text: 20_000,
} as const;

export const PROMPT_LIMITS = {
  min: 5,
  max: 8,
  template: 500,
} as const;

/** How many items of each kind of evidence a preparation lists (the counts are always complete). */
export const EVIDENCE_LIST_LIMIT = 10;

/** The shape of stored evidence: bump it when the shape changes, and read older ones with care. */
export const EVIDENCE_VERSION = 1;
