import { z } from "zod";
import { ROLES } from "./people/constants.ts";

/** Zod speaks in locale keys (see messages.ts), set once for the whole process. */
export const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: "validation.required" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string") return { message: `validation.tooShort:${Number(issue.minimum)}` };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: `validation.tooLong:${Number(issue.maximum)}` };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: "validation.email" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: "validation.choose" };
    default:
      return { message: ctx.defaultError.startsWith("validation.") ? ctx.defaultError : "validation.invalid" };
  }
};

z.setErrorMap(errorMap);

export const EmailSchema = z.string().trim().toLowerCase().max(254).email();

export const NameSchema = z.string().trim().min(1).max(120);

export const LOCALES = ["en", "sv", "da", "nb"] as const;
export const LocaleSchema = z.enum(LOCALES);

export const RoleSchema = z.enum(ROLES);

export const UuidSchema = z.string().uuid();

/**
 * Whether text holds U+0000 (NUL). PostgreSQL text cannot store it (the query
 * fails), and nobody types it: input that contains it is refused as invalid.
 */
export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

/** A failed command: field errors (locale keys) to show next to the form fields. */
export class CommandError extends Error {
  /** `status`: 422 for a rule of the product, 409 for a conflict with someone else's change. */
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    readonly status: 409 | 422 = 422,
  ) {
    super(`Command refused: ${JSON.stringify(fieldErrors)}`);
    this.name = "CommandError";
  }
  static field(field: string, messageKey: string): CommandError {
    return new CommandError({ [field]: [messageKey] });
  }
}
