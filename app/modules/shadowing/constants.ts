/** Browser-safe lists and limits of the shadowing area. */
export const SHADOW_LIMITS = {
  text: 5000,
  details: 1000,
  reason: 120,
  idea: 2000,
  /** Idea lines a note offers (a draft saved with all of them filled offers more). */
  ideaFields: 5,
  maxIdeas: 20,
  /** Days a note stays editable by its author. */
  editableDays: 14,
} as const;

export const SLOT_MINUTES = [30, 45, 60, 90, 120, 180, 240] as const;
