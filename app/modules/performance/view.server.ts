/**
 * What a preparation page (and its markdown export) shows: the cycle and the
 * employee, checked against the policy, with the evidence and the prompts in
 * the reader's language. Until the conversation is discussed both are
 * gathered live; afterwards they are read from what was stored.
 */
import { getDb } from "#db/client.server.ts";
import type { Locale } from "#db/schema.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { gatherEvidence } from "./evidence.server.ts";
import { choosePrompts, renderPrompt, type PromptSource } from "./prompts.ts";
import { getCycle, getPreparation, loadTemplates } from "./queries.server.ts";

export async function preparationAccess(request: Request, params: { id?: string; userId?: string }) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const valid = UuidSchema.safeParse(params.id).success && UuidSchema.safeParse(params.userId).success;
  const cycle = valid ? await getCycle(db, params.id!) : undefined;
  assertFound(cycle);
  const preparation = await getPreparation(db, cycle.id, params.userId!);
  assertFound(preparation);
  await requirePermission(request, "preparation:read", preparation.subject);
  return { user, cycle, preparation, db };
}

export interface RenderedPrompt {
  rule: string;
  text: string;
  source: (PromptSource & { href: string; title: string | null }) | null;
}

export function sourceHref(source: PromptSource): string {
  switch (source.kind) {
    case "story":
      return `/stories/${source.id}`;
    case "recognition":
      return `/recognition/${source.id}`;
    case "shadowNote":
      return `/shadowing/notes/${source.id}`;
    case "improvement":
      return `/departments/${source.departmentSlug}/improvements/${source.id}`;
  }
}

export async function preparationContent(
  preparation: NonNullable<Awaited<ReturnType<typeof getPreparation>>>,
  cycle: { periodStart: string; periodEnd: string },
  locale: Locale,
) {
  const db = getDb();
  const snapshot = preparation.snapshot ?? (await live(preparation.employee.id, cycle));
  const { evidence, prompts } = snapshot;
  const behaviourIds = [
    ...evidence.behaviours.map((b) => b.id),
    ...[...evidence.storiesWritten, ...evidence.storiesNamed].flatMap((s) => s.behaviourIds),
    ...[...evidence.recognitionReceived, ...evidence.recognitionGiven].map((r) => r.behaviourId),
    ...prompts.flatMap((p) => (p.behaviourId ? [p.behaviourId] : [])),
  ];
  const [labels, templates] = await Promise.all([behaviourTags(behaviourIds, locale), loadTemplates(db, [locale])]);
  const behaviours = Object.fromEntries(Object.entries(labels).map(([id, l]) => [id, l.title]));
  const storyTitles = new Map([...evidence.storiesWritten, ...evidence.storiesNamed].map((s) => [s.id, s.title]));
  const rendered: RenderedPrompt[] = prompts.map((p) => ({
    rule: p.rule,
    text: renderPrompt(templates.find((tpl) => tpl.rule === p.rule)!.text, {
      ...p.values,
      behaviour: p.behaviourId ? (behaviours[p.behaviourId] ?? "") : "",
    }),
    source: p.source
      ? {
          ...p.source,
          href: sourceHref(p.source),
          title: p.source.kind === "story" ? (storyTitles.get(p.source.id) ?? null) : null,
        }
      : null,
  }));
  return { evidence, prompts: rendered, behaviours };
}

async function live(userId: string, cycle: { periodStart: string; periodEnd: string }) {
  const evidence = await gatherEvidence(getDb(), {
    userId,
    periodStart: cycle.periodStart,
    periodEnd: cycle.periodEnd,
  });
  return { evidence, prompts: choosePrompts(evidence) };
}
