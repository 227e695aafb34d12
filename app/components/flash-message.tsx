import { useTranslation } from "react-i18next";
import type { Flash } from "#app/flash.server.ts";

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t, i18n } = useTranslation();
  if (!i18n.exists(flash.key)) return null;
  return (
    <p className="flash" role="status">
      {t(flash.key, flash.params ?? {})}
    </p>
  );
}
