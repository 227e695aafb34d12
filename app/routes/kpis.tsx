import { ComingSoon } from "#app/components/coming-soon.tsx";
import { comingSoonLoader } from "#app/components/coming-soon.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("areas.kpis.title");
export const loader = comingSoonLoader;

export default function Page() {
  return <ComingSoon area="kpis" />;
}
