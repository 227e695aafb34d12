/**
 * A preparation as a markdown document, for the employee's or manager's own
 * files: the same headings, evidence, questions, reflection and notes as the
 * page, in the reader's language. Text people typed is kept as written;
 * titles and names are escaped so that they cannot turn into markup.
 */
import type { TFunction } from "i18next";
import { INTL_LOCALE, type Locale } from "#app/i18n/i18n.ts";
import { valueFormatter } from "#app/modules/kpis/kpi-format.ts";
import { formatFor } from "#app/utils/format.ts";
import type { Evidence } from "./evidence.ts";
import type { RenderedPrompt } from "./view.server.ts";

export interface MarkdownInput {
  cycleName: string;
  employeeName: string;
  evidence: Evidence;
  prompts: RenderedPrompt[];
  behaviours: Record<string, string>;
  reflection: string;
  managerNotes: string;
  discussedAt: Date | null;
  /** The site's origin, so that links in the file lead back. */
  origin: string;
}

/** Backslash-escapes the characters that markdown reads as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, "\\$&");
}

export function preparationMarkdown(input: MarkdownInput, t: TFunction, locale: Locale): string {
  const format = formatFor(locale);
  const e = input.evidence;
  const c = e.counts;
  const link = (text: string, path: string) => `[${escapeMarkdown(text)}](${input.origin}${path})`;
  const behaviourList = (ids: string[]) =>
    ids
      .map((id) => input.behaviours[id])
      .filter(Boolean)
      .map((name) => escapeMarkdown(name!))
      .join(", ");
  const section = (title: string, lines: string[]) => [
    `### ${title}`,
    "",
    ...(lines.length ? lines : [`_${t("performance.noneInPeriod")}_`]),
    "",
  ];
  const out: string[] = [
    `# ${escapeMarkdown(t("performance.preparationHeading", { name: input.employeeName, cycle: input.cycleName }))}`,
    "",
    t("performance.evidenceLead", { start: format.date(e.periodStart), end: format.date(e.periodEnd) }),
    "",
  ];
  if (input.discussedAt) out.push(`_${t("performance.evidenceFrozen", { date: format.date(input.discussedAt) })}_`, "");
  out.push(`## ${t("performance.promptsTitle")}`, "");
  input.prompts.forEach((p, i) => {
    out.push(`${i + 1}. ${escapeMarkdown(p.text)}`);
    if (p.source) {
      const label = p.source.title ?? t(`performance.sources.${p.source.kind}`);
      out.push(`   ${t("performance.basedOn")} ${link(label, p.source.href)}`);
    }
  });
  out.push("", `## ${t("performance.evidenceTitle")}`, "");
  out.push(
    ...section(
      t("performance.storiesWritten", { count: c.storiesWritten }),
      e.storiesWritten.map((s) => {
        const tags = behaviourList(s.behaviourIds);
        return `- ${link(s.title, `/stories/${s.id}`)} (${format.date(s.happenedOn)})${tags ? ` — ${tags}` : ""}`;
      }),
    ),
    ...section(
      t("performance.storiesNamed", { count: c.storiesNamed }),
      e.storiesNamed.map(
        (s) =>
          `- ${link(s.title, `/stories/${s.id}`)} (${escapeMarkdown(t("performance.byAuthor", { name: s.authorName }))}, ${format.date(s.happenedOn)})`,
      ),
    ),
    ...section(
      t("performance.recognitionReceived", { count: c.recognitionReceived }),
      e.recognitionReceived.map(
        (r) =>
          `- ${link(r.excerpt, `/recognition/${r.id}`)} (${escapeMarkdown(t("performance.fromAuthor", { name: r.authorName }))}, ${format.date(r.createdAt)}) — ${behaviourList([r.behaviourId])}`,
      ),
    ),
    ...section(
      t("performance.recognitionGiven", { count: c.recognitionGiven }),
      e.recognitionGiven.map(
        (r) =>
          `- ${link(r.excerpt, `/recognition/${r.id}`)} (${escapeMarkdown(t("performance.toRecipients", { names: r.recipients }))}, ${format.date(r.createdAt)})`,
      ),
    ),
    ...section(
      t("performance.shadowingDone", { count: c.shadowingDone }),
      e.shadowingDone.map((s) => {
        const where = escapeMarkdown(
          t("performance.listenedInAt", { department: s.departmentName, date: format.date(s.startsAt) }),
        );
        return `- ${s.noteId ? `${where}: ${link(t("performance.readNote"), `/shadowing/notes/${s.noteId}`)}` : where}`;
      }),
    ),
    ...section(
      t("performance.shadowingHosted", { count: c.shadowingHosted }),
      e.shadowingHosted.map(
        (s) => `- ${t("performance.observers", { count: s.observers, date: format.date(s.startsAt) })}`,
      ),
    ),
    ...section(
      t("performance.improvements", { count: c.improvements }),
      e.improvements.flatMap((i) => [
        `- ${link(i.description, `/departments/${i.departmentSlug}/improvements/${i.id}`)} (${t(`shadowing.status.${i.status}`)}, ${escapeMarkdown(i.departmentName)})`,
        ...i.movements.map((m) => {
          const value = valueFormatter(INTL_LOCALE[locale], m.unit);
          const show = (v: number | null) => (v === null ? "—" : value(v));
          return `  - ${escapeMarkdown(t("performance.movement", { kpi: m.name, before: show(m.before), after: show(m.after) }))}`;
        }),
      ]),
    ),
    ...section(
      t("performance.behaviours"),
      e.behaviours.map(
        (b) =>
          `- ${escapeMarkdown(t("performance.behaviourCount", { behaviour: input.behaviours[b.id] ?? "—", count: b.count }))}`,
      ),
    ),
  );
  out.push(`## ${t("performance.reflectionTitle")}`, "", input.reflection || `_${t("performance.noReflection")}_`, "");
  out.push(`## ${t("performance.notesTitle")}`, "", input.managerNotes || `_${t("performance.noNotes")}_`, "");
  return out.join("\n");
}
