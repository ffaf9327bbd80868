/**
 * The server's decision for a path that may be an article, made before Next renders anything
 * (lib/server/request-listener.ts):
 *
 * - an old address of a live article (ArticleRedirect) answers 308 with its current address;
 * - a withdrawn (unpublished) article, at its address or an old one, answers 410 Gone;
 * - a live article's address goes on to its (cached) page;
 * - any other article-shaped address answers 404 with a complete page at once (Next renders a
 *   page's own notFound() in the browser, and each stray address would take a cache entry).
 *
 * It runs for every article request the page store cannot answer as it is (a story's stored page
 * is dropped by any announced change to the story, so it stands for "live": docs/decisions/030),
 * so it must cost next to nothing: two indexed lookups through one prepared statement on a
 * read-only SQLite connection (microseconds), not a Prisma query. It reads the database directly
 * rather than a copy refreshed on change. On PostgreSQL the same lookup is one query on a small
 * pool of its own, and the answer comes as a promise (docs/decisions/011, 024; 012 says why this
 * moved from Next's proxy into the server).
 */
import Database from "better-sqlite3";
import type { Pool } from "pg";
import { databaseFile, databaseProvider, databaseUrl } from "@/lib/database-url";
import { postgresTimeouts } from "@/lib/postgres/client";
import { connectionOptions, prepareConnection } from "@/lib/sqlite/connection";
import { notArticleParents } from "@/lib/site-paths";
import { liveStatus, withdrawnStatus } from "./live";

export const articlePathPattern = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;

export type ArticleRoute = { kind: "gone" } | { kind: "moved"; to: string } | { kind: "missing" };

/** What readers may know of an article: it is live, it was withdrawn, or (null) nothing at all. */
type Standing = "live" | "withdrawn" | null;
type Row = { slugStanding: Standing; redirectStanding: Standing; redirectTo: string | null };
type Params = { slug: string; path: string; liveStatus: string; withdrawnStatus: string };

/** An article row's standing, by the live rule (./live.ts) whose status comes in as a parameter. */
const standing = (table: string) => `
  CASE
    WHEN ${table}."status" = @liveStatus AND ${table}."liveRevisionId" IS NOT NULL THEN 'live'
    WHEN ${table}."status" = @withdrawnStatus THEN 'withdrawn'
  END`;

const lookupSql = `
  SELECT
    (SELECT ${standing('"Article"')} FROM "Article" WHERE "slug" = @slug) AS "slugStanding",
    ${standing('"target"')} AS "redirectStanding",
    '/' || "Section"."slug" || '/' || "target"."slug" AS "redirectTo"
  FROM (SELECT 1) AS "one"
  LEFT JOIN "ArticleRedirect" ON "ArticleRedirect"."path" = @path
  LEFT JOIN "Article" AS "target" ON "target"."id" = "ArticleRedirect"."articleId"
  LEFT JOIN "Section" ON "Section"."id" = "target"."sectionId"`;

const globalForRouting = globalThis as unknown as { newsdeskArticleRouting?: Database.Statement<Params, Row>; newsdeskArticleRoutingPool?: Promise<Pool> };

/** PostgreSQL's form of the lookup: the same SQL with positional parameters. */
const parameterOrder: (keyof Params)[] = ["slug", "path", "liveStatus", "withdrawnStatus"];
export const postgresLookupSql = lookupSql.replace(/@(\w+)/g, (_, name: keyof Params) => `$${parameterOrder.indexOf(name) + 1}`);

async function postgresLookup(params: Params): Promise<Row | undefined> {
  globalForRouting.newsdeskArticleRoutingPool ??= import("pg").then(({ Pool }) => {
    const pool = new Pool({ connectionString: databaseUrl(), max: 4, ...postgresTimeouts });
    // An idle connection the server dropped (a restart): the pool opens another on the next lookup.
    pool.on("error", (error) => console.error("Article routing lost a PostgreSQL connection:", error.message));
    return pool;
  });
  const pool = await globalForRouting.newsdeskArticleRoutingPool;
  const { rows } = await pool.query<Row>(postgresLookupSql, parameterOrder.map((name) => params[name]));
  return rows[0];
}

function lookup() {
  if (!globalForRouting.newsdeskArticleRouting) {
    // Read-only, so WAL (kept in the file) and the busy timeout are all it takes: lib/sqlite/connection.ts.
    const connection = prepareConnection(new Database(databaseFile(), { readonly: true, fileMustExist: true, ...connectionOptions }));
    globalForRouting.newsdeskArticleRouting = connection.prepare<Params, Row>(lookupSql);
  }
  return globalForRouting.newsdeskArticleRouting;
}

/** Pure: the decision from what the lookup found. Exported for its test. */
export function decideArticleRoute(pathname: string, row: Row): ArticleRoute | null {
  // A live article at this address is served by its page, whatever old rows say.
  if (row.slugStanding === "live") return null;
  if (row.redirectStanding === "live" && row.redirectTo && row.redirectTo !== pathname) return { kind: "moved", to: row.redirectTo };
  if (row.redirectStanding === "withdrawn" || row.slugStanding === "withdrawn") return { kind: "gone" };
  return { kind: "missing" };
}

/** The decision for `pathname`: at once on SQLite, as a promise on PostgreSQL. */
export function routeArticlePath(pathname: string): ArticleRoute | null | Promise<ArticleRoute | null> {
  const match = articlePathPattern.exec(pathname);
  // Beneath the site's own paths (/authors/x, /media/x) there are no articles: no lookup.
  if (!match || notArticleParents.has(match[1]!)) return null;
  const params = { slug: match[2]!, path: pathname, liveStatus, withdrawnStatus };
  if (databaseProvider() === "postgresql") return postgresLookup(params).then((row) => (row ? decideArticleRoute(pathname, row) : null));
  const row = lookup().get(params);
  return row ? decideArticleRoute(pathname, row) : null;
}

/** Closes PostgreSQL's routing pool, if one was opened (a graceful stop, tests). */
export async function closeArticleRouting(): Promise<void> {
  const pool = globalForRouting.newsdeskArticleRoutingPool;
  globalForRouting.newsdeskArticleRoutingPool = undefined;
  if (pool) await (await pool).end();
}
