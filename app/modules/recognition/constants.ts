/** Browser-safe limits of the recognition area. */
export const RECOGNITION_LIMITS = {
  message: 2000,
  reason: 1000,
  /** How long the author may change a recognition, in hours. */
  editableHours: 24,
  people: 20,
  departments: 10,
  pageSize: 20,
  /** How far back suggestions look (improvements done, KPIs back on target), in days. */
  suggestionDays: 30,
} as const;
