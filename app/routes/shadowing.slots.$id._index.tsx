import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { CommandError, UuidSchema } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { bookSlot, cancelBooking, cancelSlot } from "#app/modules/shadowing/commands.server.ts";
import { getSlot } from "#app/modules/shadowing/queries.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("shadowing.slotTitle");

async function load(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "app:use", undefined);
  const slot = UuidSchema.safeParse(id).success ? await getSlot(getDb(), { id: id!, readerId: user.id }) : undefined;
  assertFound(slot);
  return { user, slot, department: { id: slot.departmentId, name: slot.departmentName } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, slot, department } = await load(request, params.id);
  const upcoming = !slot.cancelled && new Date(slot.startsAt) > new Date();
  return {
    slot,
    upcoming,
    canBook: upcoming && !slot.mine && slot.booked < slot.capacity && can(user, "shadowing:book", department),
    ownDepartment: !can(user, "shadowing:book", department),
    canHost: can(user, "shadowing:host", department),
    myNote: slot.observers.find((o) => o.id === user.id) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, slot, department } = await load(request, params.id);
  const db = getDb();
  const intent = intentOf(await request.formData());
  const here = `/shadowing/slots/${slot.id}`;
  try {
    if (intent === "book") {
      await requirePermission(request, "shadowing:book", department);
      await bookSlot(db, { actor: user, slotId: slot.id });
      return redirectWithFlash(here, { key: "flash.slotBooked" });
    }
    if (intent === "unbook") {
      await cancelBooking(db, { actorId: user.id, slotId: slot.id });
      return redirectWithFlash(here, { key: "flash.bookingCancelled" });
    }
    if (intent === "cancel-slot") {
      await requirePermission(request, "shadowing:host", department);
      await cancelSlot(db, { actorId: user.id, slotId: slot.id });
      return redirectWithFlash(`/departments/${slot.departmentSlug}/shadowing`, { key: "flash.slotCancelled" });
    }
  } catch (error) {
    if (error instanceof CommandError) return data({ errors: error.fieldErrors.form ?? [] }, { status: 422 });
    throw error;
  }
  return data({ errors: ["validation.choose"] }, { status: 400 });
}

export default function Slot() {
  const t = useT();
  const format = useFormat();
  const { slot, upcoming, canBook, ownDepartment, canHost, myNote } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const left = slot.capacity - slot.booked;
  return (
    <section aria-labelledby="slot-title">
      <p className="breadcrumb">
        <Link to="/shadowing">{t("areas.shadowing.title")}</Link> ·{" "}
        <Link to={`/departments/${slot.departmentSlug}/shadowing`}>{slot.departmentName}</Link>
      </p>
      <h1 id="slot-title">
        {t("shadowing.slotHeading", { department: slot.departmentName, when: format.dateTime(slot.startsAt) })}
      </h1>
      <FormErrors errors={actionData?.errors} />
      {slot.cancelled ? <p className="notice notice--warning">{t("shadowing.slotCancelled")}</p> : null}
      <dl className="definition">
        <dt>{t("kpis.fields.channel")}</dt>
        <dd>{t(`stories.channels.${slot.channel}`)}</dd>
        <dt>{t("shadowing.length")}</dt>
        <dd>{t("shadowing.minutes", { count: slot.minutes })}</dd>
        {slot.hostName ? (
          <>
            <dt>{t("shadowing.host")}</dt>
            <dd>{slot.hostName}</dd>
          </>
        ) : null}
        {slot.details ? (
          <>
            <dt>{t("shadowing.details")}</dt>
            <dd>{slot.details}</dd>
          </>
        ) : null}
        <dt>{t("shadowing.seats")}</dt>
        <dd>{t("shadowing.seatsTaken", { booked: slot.booked, capacity: slot.capacity })}</dd>
      </dl>
      <div className="actions">
        {canBook ? (
          <Form method="post">
            <button type="submit" name="intent" value="book" className="button button--primary">
              {t("shadowing.book")}
            </button>
          </Form>
        ) : null}
        {slot.mine && upcoming ? (
          <Form method="post">
            <button type="submit" name="intent" value="unbook" className="button">
              {t("shadowing.unbook")}
            </button>
          </Form>
        ) : null}
        {slot.mine && !upcoming && !slot.cancelled ? (
          myNote?.noteStatus === "submitted" ? (
            <Link className="button" to={`/shadowing/notes/${myNote.noteId}`}>
              {t("shadowing.readNote")}
            </Link>
          ) : (
            <Link className="button button--primary" to={`/shadowing/slots/${slot.id}/note`}>
              {myNote?.noteStatus === "draft" ? t("shadowing.finishNote") : t("shadowing.writeNote")}
            </Link>
          )
        ) : null}
        {canHost && upcoming ? (
          <Form method="post">
            <button type="submit" name="intent" value="cancel-slot" className="button button--danger">
              {t("shadowing.cancelSlot")}
            </button>
          </Form>
        ) : null}
      </div>
      {upcoming && !slot.mine && !canBook ? (
        <p className="muted">{ownDepartment ? t("shadowing.ownDepartment") : left <= 0 ? t("shadowing.full") : null}</p>
      ) : null}
      <section aria-labelledby="observers-title">
        <h2 id="observers-title">{t("shadowing.observers")}</h2>
        {slot.observers.length ? (
          <ul className="people-list">
            {slot.observers.map((o) => (
              <li key={o.id}>
                {o.name}
                {o.department ? <span className="muted"> · {o.department}</span> : null}
                {o.noteStatus === "submitted" && o.noteId ? (
                  <>
                    {" · "}
                    <Link to={`/shadowing/notes/${o.noteId}`}>{t("shadowing.readNote")}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("shadowing.noObservers")}</p>
        )}
      </section>
    </section>
  );
}
