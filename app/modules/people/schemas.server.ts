import { z } from "zod";
import { EmailSchema, NameSchema, RoleSchema, UuidSchema } from "#app/modules/forms.ts";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "#app/modules/auth/password.server.ts";

/** A new password: long enough and not on the common-password list. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .refine((password) => !isCommonPassword(password), { message: "validation.commonPassword" });

export const MEMBERSHIP_LEVELS = ["none", "member", "manager"] as const;
export const MembershipsSchema = z
  .record(UuidSchema, z.enum(MEMBERSHIP_LEVELS))
  .default({})
  .transform((entries) =>
    Object.entries(entries)
      .filter(([, level]) => level !== "none")
      .map(([departmentId, level]) => ({ departmentId, isManager: level === "manager" })),
  );

export type Membership = { departmentId: string; isManager: boolean };

export const InviteSchema = z.object({
  email: EmailSchema,
  role: RoleSchema.default("employee"),
  memberships: MembershipsSchema,
});

export const UpdatePersonSchema = z.object({
  role: RoleSchema,
  memberships: MembershipsSchema,
});

export const AcceptInvitationSchema = z
  .object({
    name: NameSchema,
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordsDiffer",
  });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordsDiffer",
  });
