import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { Checkboxes, ErrorList, FormErrors } from "#app/components/fields.tsx";
import { LiveMarkdown } from "#app/components/live-markdown.tsx";
import { PersonalDataWarning } from "#app/components/personal-data-warning.tsx";
import { LOCALE_NAMES, LOCALES, type Locale } from "#app/i18n/i18n.ts";
import { CHANNELS, CONSENTS, JOBS, KANO, STORY_LIMITS } from "./constants.ts";

export interface StoryFormValues {
  title: string;
  body: string;
  channel: string;
  happenedOn: string;
  departmentId: string;
  language: string;
  behaviours: string[];
  colleagues: string[];
  consent: string;
  kano: string;
  job: string;
}

type Options = {
  departments: { id: string; name: string }[];
  behaviours: { id: string; title: string; pillar: string }[];
  colleagues: { id: string; name: string }[];
};

type Result = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> } | undefined;

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
}

/** Values to show: what was just submitted (after an error), else the story's own. */
function valuesFrom(result: Result, fallback: StoryFormValues): StoryFormValues {
  const v = result?.initialValue;
  if (!v) return fallback;
  return {
    title: String(v.title ?? ""),
    body: String(v.body ?? ""),
    channel: String(v.channel ?? ""),
    happenedOn: String(v.happenedOn ?? ""),
    departmentId: String(v.departmentId ?? ""),
    language: String(v.language ?? fallback.language),
    behaviours: asList(v.behaviours),
    colleagues: asList(v.colleagues),
    consent: String(v.consent ?? ""),
    kano: String(v.kano ?? ""),
    job: String(v.job ?? ""),
  };
}

/**
 * Writing a story: a plain form that works without JavaScript; with it, the
 * markdown preview follows the typing.
 */
export function StoryForm({
  options,
  defaults,
  result,
  today,
  isPublished,
  cancelTo,
}: {
  options: Options;
  defaults: StoryFormValues;
  result: Result;
  today: string;
  isPublished: boolean;
  cancelTo: string;
}) {
  const t = useT();
  const values = valuesFrom(result, defaults);
  const [body, setBody] = useState(values.body);
  const errors = (name: string) => result?.error?.[name] ?? undefined;
  const personalData = errors("personalData");
  const invalid = (name: string) => (errors(name) ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const pillars = [...new Set(options.behaviours.map((b) => b.pillar))];
  return (
    <Form method="post" className="story-form" key={JSON.stringify(result?.initialValue ?? {})}>
      <FormErrors errors={errors("")} />
      <PersonalDataWarning findings={personalData} />
      <div className="field">
        <label htmlFor="title">{t("stories.fields.title")}</label>
        <input
          id="title"
          name="title"
          type="text"
          defaultValue={values.title}
          maxLength={STORY_LIMITS.title}
          required
          {...invalid("title")}
        />
        <ErrorList id="title-error" errors={errors("title")} />
      </div>
      <div className="story-form__body">
        <div className="field">
          <label htmlFor="body">{t("stories.fields.body")}</label>
          <textarea
            id="body"
            name="body"
            rows={12}
            defaultValue={values.body}
            maxLength={STORY_LIMITS.body}
            required
            onChange={(e) => setBody(e.target.value)}
            {...invalid("body")}
          />
          <ErrorList id="body-error" errors={errors("body")} />
        </div>
        <section className="preview" aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title">{t("stories.preview")}</h2>
          {body.trim() ? <LiveMarkdown>{body}</LiveMarkdown> : <p className="muted">{t("stories.previewEmpty")}</p>}
        </section>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="channel">{t("stories.fields.channel")}</label>
          <select id="channel" name="channel" defaultValue={values.channel} required {...invalid("channel")}>
            <option value="">{t("stories.choose")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`stories.channels.${c}`)}
              </option>
            ))}
          </select>
          <ErrorList id="channel-error" errors={errors("channel")} />
        </div>
        <div className="field">
          <label htmlFor="happenedOn">{t("stories.fields.happenedOn")}</label>
          <input
            id="happenedOn"
            name="happenedOn"
            type="date"
            max={today}
            defaultValue={values.happenedOn}
            required
            {...invalid("happenedOn")}
          />
          <ErrorList id="happenedOn-error" errors={errors("happenedOn")} />
        </div>
        <div className="field">
          <label htmlFor="departmentId">{t("stories.fields.department")}</label>
          <select
            id="departmentId"
            name="departmentId"
            defaultValue={values.departmentId}
            required
            {...invalid("departmentId")}
          >
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <ErrorList id="departmentId-error" errors={errors("departmentId")} />
        </div>
        <div className="field">
          <label htmlFor="language">{t("stories.fields.language")}</label>
          <select id="language" name="language" defaultValue={values.language}>
            {LOCALES.map((l: Locale) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="choices" {...invalid("behaviours")}>
        <legend>{t("stories.fields.behaviours")}</legend>
        {pillars.map((pillar) => (
          <div key={pillar} className="choices__group">
            <p className="choices__title">{pillar}</p>
            <Checkboxes
              name="behaviours"
              options={options.behaviours.filter((b) => b.pillar === pillar).map((b) => ({ id: b.id, label: b.title }))}
              checked={values.behaviours}
            />
          </div>
        ))}
        <ErrorList id="behaviours-error" errors={errors("behaviours")} />
      </fieldset>
      <div className="field">
        <label htmlFor="colleagues">{t("stories.fields.colleagues")}</label>
        <p className="field-hint" id="colleagues-hint">
          {t("stories.colleaguesHint")}
        </p>
        <select
          id="colleagues"
          name="colleagues"
          multiple
          size={6}
          defaultValue={values.colleagues}
          aria-describedby="colleagues-hint"
        >
          {options.colleagues.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <ErrorList id="colleagues-error" errors={errors("colleagues")} />
      </div>
      <fieldset className="choices" {...invalid("consent")}>
        <legend>{t("stories.fields.consent")}</legend>
        {CONSENTS.map((c) => (
          <div className="checkbox" key={c}>
            <input
              type="radio"
              id={`consent-${c}`}
              name="consent"
              value={c}
              defaultChecked={values.consent === c}
              required
            />
            <label htmlFor={`consent-${c}`}>{t(`stories.consents.${c}`)}</label>
          </div>
        ))}
        <ErrorList id="consent-error" errors={errors("consent")} />
      </fieldset>
      <div className="form-grid">
        <CustomerNeedFields kano={values.kano} job={values.job} />
      </div>
      <div className="toolbar">
        <button type="submit" name="intent" value="publish" className="button button--primary">
          {isPublished ? t("stories.saveChanges") : t("stories.publish")}
        </button>
        {isPublished ? null : (
          <button type="submit" name="intent" value="draft" className="button">
            {t("stories.saveDraft")}
          </button>
        )}
        <Link to={cancelTo} className="button">
          {t("actions.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** The customer need a story or a shadowing note shows: its Kano category and the job the customer hired us for. */
export function CustomerNeedFields({ kano, job }: { kano: string; job: string }) {
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor="kano">{t("stories.fields.kano")}</label>
        <select id="kano" name="kano" defaultValue={kano}>
          <option value="">{t("stories.notSaid")}</option>
          {KANO.map((k) => (
            <option key={k} value={k}>
              {t(`stories.kano.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job">{t("stories.fields.job")}</label>
        <select id="job" name="job" defaultValue={job}>
          <option value="">{t("stories.notSaid")}</option>
          {JOBS.map((j) => (
            <option key={j} value={j}>
              {t(`stories.jobs.${j}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
