import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { splitMessageKey } from "#app/modules/messages.ts";

/** Translates validation keys ("validation.tooShort:12") into the reader's language. */
export function useErrorText() {
  const t = useT();
  return (message: string) => {
    const { key, count } = splitMessageKey(message);
    return count === undefined ? t(key) : t(key, { count });
  };
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{text(e)}</li>
      ))}
    </ul>
  );
}

type InputType = "text" | "email" | "password" | "search" | "date" | "datetime-local" | "number";

export function TextField({
  field,
  label,
  type = "text",
  hint,
  ...rest
}: {
  field: FieldMetadata<string | undefined>;
  label: ReactNode;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  readOnly?: boolean;
  required?: boolean;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type });
  const describedBy = [props["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input {...props} {...rest} aria-describedby={describedBy} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  rows = 4,
  hint,
}: {
  field: FieldMetadata<string | undefined>;
  label: ReactNode;
  rows?: number;
  hint?: ReactNode;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy = [field.errors ? field.errorId : undefined, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={field.id}
        name={field.name}
        defaultValue={field.initialValue ?? ""}
        rows={rows}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
}: {
  field: FieldMetadata<string | undefined>;
  label: ReactNode;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A form-level error (not tied to one field), announced to screen readers. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  );
}

/** A new password typed twice, with the rule as a hint (sign-up and password change). */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: FieldMetadata<string | undefined>;
  confirm: FieldMetadata<string | undefined>;
}) {
  const t = useT();
  return (
    <>
      <TextField
        field={password}
        label={t("fields.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("fields.passwordHint", { count: 12 })}
        required
      />
      <TextField
        field={confirm}
        label={t("fields.confirmPassword")}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}

/** A list of checkboxes sending `name` once per ticked option (no JavaScript needed). */
export function Checkboxes({
  name,
  options,
  checked,
}: {
  name: string;
  options: { id: string; label: string }[];
  checked: string[];
}) {
  return (
    <>
      {options.map((o) => (
        <div className="checkbox" key={o.id}>
          <input
            type="checkbox"
            id={`${name}-${o.id}`}
            name={name}
            value={o.id}
            defaultChecked={checked.includes(o.id)}
          />
          <label htmlFor={`${name}-${o.id}`}>{o.label}</label>
        </div>
      ))}
    </>
  );
}

/** A select of a GET filter form: "All" first, then the choices; the current value comes from the URL. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value}>
        <option value="">{t("stories.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
