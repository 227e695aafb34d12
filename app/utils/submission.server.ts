import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { CommandError, hasNul } from "#app/modules/forms.ts";

/**
 * Parses a form with its Zod schema and runs the command. Invalid input
 * (a field holding NUL included) answers 400, a refused command (a rule of
 * the product) 422; both with field messages for the form, and neither
 * changes anything.
 */
export async function handleSubmission<Schema extends z.ZodTypeAny, R>(
  formData: FormData,
  schema: Schema,
  run: (value: z.output<Schema>) => Promise<R>,
  options: { hideFields?: string[] } = {},
) {
  const submission = parseWithZod(formData, { schema });
  const hideFields = options.hideFields ?? [];
  // A field holding NUL is invalid whatever its schema says: the database cannot store it.
  const withNul = [...formData].filter(([, value]) => typeof value === "string" && hasNul(value)).map(([name]) => name);
  if (submission.status !== "success" || withNul.length) {
    const fieldErrors = Object.fromEntries(withNul.map((name) => [name, ["validation.invalid"]]));
    return {
      ok: false as const,
      response: data(
        { result: submission.reply(withNul.length ? { fieldErrors, hideFields } : { hideFields }) },
        { status: 400 },
      ),
    };
  }
  try {
    return { ok: true as const, value: await run(submission.value), submission };
  } catch (error) {
    if (error instanceof CommandError) {
      // Errors under "form" belong to the whole form rather than to one field.
      const { form: formErrors, ...fieldErrors } = error.fieldErrors;
      return {
        ok: false as const,
        response: data({ result: submission.reply({ formErrors, fieldErrors, hideFields }) }, { status: error.status }),
      };
    }
    throw error;
  }
}

export function intentOf(formData: FormData): string {
  const intent = formData.get("intent");
  return typeof intent === "string" ? intent : "";
}
