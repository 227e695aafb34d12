/** Browser-safe limits of the CX review area. */
export const REVIEW_LIMITS = {
  notes: 20_000,
  /** The longest period one review may cover, in days. */
  periodDays: 366,
} as const;

/** How much of each part the agenda shows. */
export const AGENDA_LIMITS = {
  kpiPeriods: 12,
  stories: 5,
  notes: 5,
  reasons: 5,
} as const;

/** The shape of a stored agenda: bump it when the shape changes, and read older ones with care. */
export const AGENDA_VERSION = 1;
