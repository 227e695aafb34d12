// on-headers ships no types (and "@types/on-headers" on the registry is another package's).
declare module "on-headers" {
  import type { ServerResponse } from "node:http";
  /** Calls `listener` just before the response's headers are written. */
  export default function onHeaders(res: ServerResponse, listener: (this: ServerResponse) => void): void;
}
