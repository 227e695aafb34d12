import { sql, type RawBuilder } from "kysely";

/**
 * An object as a jsonb parameter. The object itself is passed (each driver
 * serialises it once); a pre-stringified value would be stored as a JSON
 * string by postgres.js. Objects only: postgres.js sends arrays as arrays.
 */
export function jsonb<T extends Record<string, unknown>>(value: T): RawBuilder<T> {
  return sql<T>`${value}::jsonb`;
}
