import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextAreaField } from "./fields.tsx";

/**
 * A form of one markdown text saved as you go (meeting notes, a reflection):
 * the field, its errors, the intent that tells the action which text it is, and a save button.
 */
export function TextForm({
  id,
  intent,
  name,
  label,
  submit,
  defaultValue,
  lastResult,
  className,
}: {
  id: string;
  intent: string;
  name: string;
  label: string;
  submit: string;
  defaultValue: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  className?: string;
}) {
  const [form, fields] = useForm<Record<string, string>>({
    id,
    lastResult,
    defaultValue: { [name]: defaultValue },
    shouldRevalidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className={className}>
      <FormErrors errors={form.errors} />
      <TextAreaField field={fields[name]!} label={label} rows={8} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button">
        {submit}
      </button>
    </Form>
  );
}
