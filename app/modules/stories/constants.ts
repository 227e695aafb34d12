/** Browser-safe lists of the stories area. */
export const CHANNELS = [
  "phone",
  "chat",
  "email",
  "messaging",
  "sms",
  "social",
  "in_person",
  "self_service",
  "other",
] as const;
export const CONSENTS = ["given", "anonymised", "internal_only"] as const;
export const KANO = ["must_be", "performance", "attractive"] as const;
export const JOBS = ["functional", "emotional", "social"] as const;
export const REACTIONS = ["heart", "applause", "at_our_best"] as const;
export const REACTION_EMOJI: Record<(typeof REACTIONS)[number], string> = {
  heart: "❤️",
  applause: "👏",
  at_our_best: "🌟",
};
export const STORY_LIMITS = { title: 200, body: 20_000, comment: 5_000, reason: 1_000 } as const;
export const FEED_PAGE_SIZE = 20;
