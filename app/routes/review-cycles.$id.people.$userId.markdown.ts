import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "#app/i18n/i18n.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { preparationMarkdown } from "#app/modules/performance/markdown.ts";
import { preparationAccess, preparationContent } from "#app/modules/performance/view.server.ts";
import { slugify } from "#app/modules/departments/departments.server.ts";

/** The preparation as a markdown file, for the same readers as its page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cycle, preparation } = await preparationAccess(request, params);
  const locale = await resolveLocale(request, user.locale);
  const content = await preparationContent(preparation, cycle, locale);
  const body = preparationMarkdown(
    {
      cycleName: cycle.name,
      employeeName: preparation.employee.name,
      ...content,
      reflection: preparation.reflection,
      managerNotes: preparation.managerNotes,
      discussedAt: preparation.discussedAt,
      origin: new URL(request.url).origin,
    },
    getI18n(locale).t,
    locale,
  );
  const name = `${slugify(cycle.name) || "cycle"}-${slugify(preparation.employee.name) || "preparation"}.md`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
