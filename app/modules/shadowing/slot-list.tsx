import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { useFormat } from "#app/utils/format.ts";

interface SlotItem {
  id: string;
  departmentName: string;
  startsAt: Date | string;
  minutes: number;
  channel: string;
  capacity: number;
  booked: number;
  hostName: string | null;
  mine: boolean;
}

/** Slots as a list: when, where, how, and the seats left. */
export function SlotList({ slots, showDepartment = true }: { slots: SlotItem[]; showDepartment?: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="slot-list">
      {slots.map((s) => {
        const left = s.capacity - s.booked;
        return (
          <li key={s.id} className="slot">
            <Link to={`/shadowing/slots/${s.id}`} className="slot__when">
              {format.dateTime(s.startsAt)}
            </Link>
            <span>
              {showDepartment ? `${s.departmentName} · ` : null}
              {t(`stories.channels.${s.channel}`)} · {t("shadowing.minutes", { count: s.minutes })}
              {s.hostName ? ` · ${t("shadowing.withHost", { name: s.hostName })}` : null}
            </span>
            <span className={left > 0 ? "badge" : "badge badge--muted"}>
              {s.mine
                ? t("shadowing.youBooked")
                : left > 0
                  ? t("shadowing.seatsLeft", { count: left })
                  : t("shadowing.full")}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
