/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const ROLES = ["employee", "leader", "admin"] as const;
