import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { importUpload, saveUpload, type RowError } from "#app/modules/kpis/commands.server.ts";
import { KPI_LIMITS, READING_COLUMNS, RESPONSE_COLUMNS } from "#app/modules/kpis/constants.ts";
import { analyseFile, recheckUpload, SHOWN_ERRORS } from "#app/modules/kpis/imports.server.ts";
import { getUpload } from "#app/modules/kpis/queries.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { useErrorText } from "#app/components/fields.tsx";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("kpis.import.title");

const TARGETS = ["readings", "responses"] as const;
type Target = (typeof TARGETS)[number];
const COLUMNS: Record<Target, string> = {
  readings: [...READING_COLUMNS.required, ...READING_COLUMNS.optional].join(","),
  responses: [...RESPONSE_COLUMNS.required, ...RESPONSE_COLUMNS.optional].join(","),
};

/** What the page shows for an upload: counts, the errors by line and the first rows. */
async function preview(db: ReturnType<typeof getDb>, uploadId: string | null, userId: string, departmentId: string) {
  if (!uploadId || !UuidSchema.safeParse(uploadId).success) return null;
  const upload = await getUpload(db, { id: uploadId, userId, departmentId });
  if (!upload) return null;
  const errors = JSON.parse(upload.errors) as RowError[];
  const rows = upload.error_count ? [] : (JSON.parse(upload.rows) as Record<string, unknown>[]).slice(0, 10);
  const cell = (value: unknown) => (value === null || value === undefined ? "" : String(value));
  return {
    id: upload.id,
    fileName: upload.file_name,
    target: upload.target,
    rows: upload.row_count,
    errorCount: upload.error_count,
    errors: errors.slice(0, SHOWN_ERRORS),
    sample: rows.map((r) =>
      upload.target === "readings"
        ? [r.kpiKey, r.periodStart, r.value, r.sampleSize].map(cell)
        : [r.kind, r.score, r.respondedAt, r.channel, r.comment].map(cell),
    ),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "kpi:manage");
  const uploadId = new URL(request.url).searchParams.get("upload");
  return {
    department: { slug: department.slug, name: department.name },
    preview: await preview(getDb(), uploadId, user.id, department.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "kpi:manage");
  const db = getDb();
  const base = `/departments/${department.slug}/kpis`;
  let formData: FormData;
  try {
    // Files come as multipart; the import button alone may come as a plain form.
    formData = /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: KPI_LIMITS.upload }),
        )
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return data({ error: "kpis.import.tooLarge" }, { status: 413 });
    }
    throw error;
  }
  if (formData.get("intent") === "import") {
    const uploadId = String(formData.get("upload") ?? "");
    const upload = UuidSchema.safeParse(uploadId).success
      ? await getUpload(db, { id: uploadId, userId: user.id, departmentId: department.id })
      : undefined;
    if (!upload) return data({ error: "kpis.import.gone" }, { status: 404 });
    // The KPIs may have changed since the preview: the kept rows are checked again.
    const analysis = await recheckUpload(db, upload);
    if (upload.error_count || analysis.errors.length) return data({ error: "kpis.import.hasErrors" }, { status: 422 });
    const common = { actorId: user.id, departmentId: department.id, uploadId: upload.id };
    const result = await importUpload(
      db,
      analysis.target === "readings"
        ? { ...common, readings: analysis.readings }
        : { ...common, responses: analysis.responses },
    );
    return redirectWithFlash(base, {
      key: analysis.target === "readings" ? "flash.importedReadings" : "flash.importedResponses",
      params: {
        inserted: String(result.inserted),
        updated: String(result.updated),
        duplicates: String(result.duplicates),
      },
    });
  }
  const target = String(formData.get("target") ?? "");
  const file = formData.get("file");
  if (!(TARGETS as readonly string[]).includes(target))
    return data({ error: "kpis.import.chooseTarget" }, { status: 400 });
  if (!(file instanceof File) || file.size === 0) return data({ error: "kpis.import.chooseFile" }, { status: 400 });
  const analysis = await analyseFile(db, department.id, target as Target, await file.text());
  const id = await saveUpload(db, {
    departmentId: department.id,
    userId: user.id,
    target: target as Target,
    fileName: file.name || "upload.csv",
    analysis,
  });
  return redirectWithFlash(`${base}/import?upload=${id}`, { key: "flash.uploaded" });
}

export default function ImportKpis() {
  const t = useT();
  const errorText = useErrorText();
  const { department, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/departments/${department.slug}/kpis`;
  return (
    <section aria-labelledby="import-title">
      <p className="breadcrumb">
        <Link to={base}>{t("kpis.departmentTitle", { department: department.name })}</Link>
      </p>
      <h1 id="import-title">{t("kpis.import.title")}</h1>
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-title" className="panel">
          <h2 id="preview-title">{t("kpis.import.previewTitle", { file: preview.fileName })}</h2>
          <p>
            {t(`kpis.import.target.${preview.target}`)} · {t("kpis.import.rowCount", { count: preview.rows })}
          </p>
          {preview.errorCount ? (
            <div className="form-errors" role="alert" aria-labelledby="import-errors-title">
              <h3 id="import-errors-title">{t("kpis.import.errorsTitle", { count: preview.errorCount })}</h3>
              <ul className="import-errors">
                {preview.errors.map((e, i) => (
                  <li key={`${e.row}-${e.field}-${i}`}>
                    {t("kpis.import.errorAt", { line: e.row, field: e.field })} {errorText(e.message)}
                  </li>
                ))}
              </ul>
              {preview.errorCount > preview.errors.length ? (
                <p>{t("kpis.import.moreErrors", { count: preview.errorCount - preview.errors.length })}</p>
              ) : null}
              <p>{t("kpis.import.fixAndUpload")}</p>
            </div>
          ) : (
            <>
              <table className="table">
                <caption>{t("kpis.import.firstRows")}</caption>
                <thead>
                  <tr>
                    {(preview.target === "readings"
                      ? ["kpi", "period_start", "value", "sample_size"]
                      : ["kind", "score", "responded_at", "channel", "comment"]
                    ).map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="upload" value={preview.id} />
                <button type="submit" name="intent" value="import" className="button button--primary">
                  {t("kpis.import.importRows", { count: preview.rows })}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="upload-title" className="panel">
        <h2 id="upload-title">{preview ? t("kpis.import.uploadAgain") : t("kpis.import.uploadTitle")}</h2>
        <p>{t("kpis.import.lead")}</p>
        <Form method="post" encType="multipart/form-data" className="import-form">
          <fieldset>
            <legend>{t("kpis.import.whatTitle")}</legend>
            {TARGETS.map((target) => (
              <label key={target} className="choice">
                <input
                  type="radio"
                  name="target"
                  value={target}
                  defaultChecked={(preview?.target ?? "readings") === target}
                  required
                />{" "}
                {t(`kpis.import.target.${target}`)} <code>{COLUMNS[target]}</code>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="import-file">{t("kpis.import.file")}</label>
            <input id="import-file" type="file" name="file" accept=".csv,text/csv,text/plain" required />
          </div>
          <button type="submit" name="intent" value="upload" className="button button--primary">
            {t("kpis.import.preview")}
          </button>
        </Form>
        <p className="muted">{t("kpis.import.formatHint")}</p>
      </section>
    </section>
  );
}
