import { sql, type RawBuilder } from "kysely";

/** A value as a jsonb parameter: both drivers then send jsonb, never text. */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`;
}
