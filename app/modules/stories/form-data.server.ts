import { getDb } from "#db/client.server.ts";
import type { Locale } from "#db/schema.ts";
import { CommandError } from "#app/modules/forms.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { listPeople } from "#app/modules/people/people.server.ts";
import { localize } from "#app/modules/promise/model.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";
import type { CurrentUser } from "#app/modules/people/actor.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { findPersonalData, maskFinding } from "./personal-data.ts";
import type { StoryInput } from "./schemas.server.ts";

/** The choices of the story form: departments (yours first), behaviours of the current promise, colleagues. */
export async function storyFormOptions(user: CurrentUser, locale: Locale) {
  const db = getDb();
  const [departments, behaviours, people] = await Promise.all([
    listDepartments(db),
    currentBehaviourOptions(db),
    listPeople(db),
  ]);
  const mine = new Set(user.departments.map((d) => d.id));
  const sortedDepartments = sortByName(departments, locale);
  return {
    departments: [
      ...sortedDepartments.filter((d) => mine.has(d.id)),
      ...sortedDepartments.filter((d) => !mine.has(d.id)),
    ].map((d) => ({ id: d.id, name: d.name })),
    behaviours: behaviours.map((b) => ({
      id: b.behaviourId,
      title: localize(b.title, b.translations, "title", locale, b.sourceLocale, sourceHash(b.title)).text,
      pillar: localize(b.pillar, b.pillarTranslations, "title", locale, b.sourceLocale, sourceHash(b.pillar)).text,
    })),
    colleagues: sortByName(
      people.filter((p) => p.status === "active" && p.id !== user.id),
      locale,
    ).map((p) => ({ id: p.id, name: p.name })),
  };
}

/**
 * Before publishing: text that looks like a customer's personal data is
 * refused once with what was found (masked); the author edits it or confirms.
 */
export function checkPersonalData(value: StoryInput, publishing: boolean): void {
  if (!publishing || value.confirmPersonalData) return;
  const findings = findPersonalData(`${value.title}\n${value.body}`);
  if (findings.length === 0) return;
  throw new CommandError({
    form: ["stories.personalDataFound"],
    personalData: findings.map((f) => `${f.kind}|${maskFinding(f.match)}`),
  });
}
