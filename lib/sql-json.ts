/**
 * JSON built in SQL, in SQLite's words or PostgreSQL's: related rows (a card's bylines, a story's
 * topics) read as one text column of the main row, so that a read is one statement.
 */
import { databaseProvider } from "@/lib/database-url";

/**
 * `(SELECT json_group_array(value) FROM …)`: a JSON array as text, `[]` (SQLite) or NULL
 * (PostgreSQL) when `from` finds no row. In no particular order.
 */
export function jsonArrayColumn(value: string, from: string): string {
  return databaseProvider() === "sqlite" ? `(SELECT json_group_array(${value}) ${from})` : `(SELECT json_agg(${value})::text ${from})`;
}

/** What a `jsonArrayColumn` holds, read back: an empty list for none, on either database. */
export function jsonArrayOf<T>(text: string | null): T[] {
  return text ? (JSON.parse(text) as T[]) : [];
}

/** `json_object('name', value, …)`. */
export function jsonObject(fields: Record<string, string>): string {
  const pairs = Object.entries(fields)
    .flatMap(([name, value]) => [`'${name}'`, value])
    .join(", ");
  return databaseProvider() === "sqlite" ? `json_object(${pairs})` : `json_build_object(${pairs})`;
}
