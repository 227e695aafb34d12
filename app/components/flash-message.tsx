import { useI18n, useT } from "#app/i18n/use-t.ts";
import type { Flash } from "#app/flash.server.ts";

export function FlashMessage({ flash }: { flash: Flash }) {
  const t = useT();
  const i18n = useI18n();
  if (!i18n.exists(flash.key)) return null;
  return (
    <p className="flash" role="status">
      {t(flash.key, flash.params ?? {})}
    </p>
  );
}
