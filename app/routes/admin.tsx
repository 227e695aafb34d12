import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";

// The layout's check is a convenience; each admin route checks for itself.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:manage", undefined);
  return null;
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="admin">
      <nav aria-label={t("admin.navLabel")} className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin/people">{t("admin.people")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/departments">{t("admin.departments")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
