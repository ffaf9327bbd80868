/**
 * Where the embedded SQLite database lives. One answer for the app, the Prisma CLI and the scripts:
 * `DATABASE_URL` when set, else `data/newsdesk.db` under the project root.
 */
import path from "node:path";

export const defaultDatabaseUrl = `file:${path.join(process.cwd(), "data", "newsdesk.db")}`;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}

/** The file path behind a `file:` URL (absolute, resolved against the working directory). */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new TypeError(`Not an SQLite file URL: ${url}`);
  return path.resolve(url.slice("file:".length));
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names: `postgres://` or `postgresql://` is PostgreSQL, anything else the SQLite file. */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/**
 * A Prisma "contains" that ignores case on either database: SQLite's LIKE already does (for ASCII);
 * PostgreSQL's needs `mode: "insensitive"`, which SQLite's generated types do not know.
 */
export function containsText(value: string): { contains: string } {
  return (databaseProvider() === "postgresql" ? { contains: value, mode: "insensitive" } : { contains: value }) as { contains: string };
}
