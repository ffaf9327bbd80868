/**
 * Refreshing what readers see. Public pages, feeds and sitemaps are served from Next's cache
 * (ISR pages rendered from cached reads, see cached.ts); every command that changes what readers
 * can see calls `refreshPublicPages` after its transaction commits, and the next request for each
 * affected page renders it afresh.
 *
 *   const before = await readPublicFootprint(tx, articleId);   // inside the transaction, first
 *   …change the article…
 *   await refreshPublicPages({ articleId, before });            // after it commits
 *
 *   await refreshPublicPages({ everything: true });             // newspaper name, time zone, sections
 *
 * It works wherever it is called from: a server action, a route handler, or the scheduler's timer
 * outside any request (the tag clock lives in this process, see store.ts).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { authorSegments, publicByline } from "@/lib/articles/bylines";
import { isLive, liveStatus } from "@/lib/articles/live";
import { cardColumns, cardJoinsOn, cardsFromRows, liveRevisionRef, type ArticleRow } from "@/lib/articles/card-rows";
import { jsonArrayColumn, jsonArrayOf } from "@/lib/sql-json";
import type { ArticleKind } from "@/lib/articles/kinds";
import { sitemapMonth } from "@/lib/articles/sitemaps";
import { expiryNotice } from "@/lib/postgres/expiry-relay";
import { databaseProvider } from "@/lib/database-url";
import { nextCache } from "@/lib/server/next-cache";
import { changedAddresses, refreshEdges } from "./edges";
import { afterMillisecondOf, takeInChange, warmPages, type NamedChange } from "./store";
import { publicTag, tagsToRefresh, type PublicFootprint } from "./tags";

export type { PublicFootprint } from "./tags";

type FootprintRow = ArticleRow & { tagSlugs: string | null; corrected: unknown; revisionId: string | null; which: string };

/** The footprint's row of article `articleId` with `revision` (SQL for a revision's id) as "r", labelled `which`. */
function footprintStatement(articleId: string, revision: string, which: "now" | "with"): Prisma.Sql {
  const topics = jsonArrayColumn(`"t"."slug"`, `FROM "RevisionTag" AS "rt" JOIN "Tag" AS "t" ON "t"."id" = "rt"."tagId" WHERE "rt"."revisionId" = ${revision}`);
  return Prisma.sql`${Prisma.raw(`${cardColumns(revision)}, ${topics} AS "tagSlugs", (SELECT 1 FROM "Correction" AS "c" WHERE "c"."articleId" = "a"."id" LIMIT 1) AS "corrected",
      ${revision} AS "revisionId", '${which}' AS "which"
    FROM "Article" AS "a"${cardJoinsOn(revision)}`)}
    WHERE "a"."id" = ${articleId}`;
}

/** The footprint of a row; `asLive`: as if its revision "r" were live (a publication's, before it is made). */
function footprintOf(row: FootprintRow, { asLive }: { asLive: boolean }): PublicFootprint | null {
  const [article] = cardsFromRows([asLive ? { ...row, status: liveStatus, liveRevisionId: row.revisionId } : row]);
  const live = article && isLive(article) ? article.liveRevision : null;
  if (!article || !live) return null;
  const kind = article.kind as ArticleKind;
  return {
    slug: article.slug,
    sectionSlug: article.section.slug,
    kind,
    authorSegments: authorSegments(publicByline(kind, live.bylines, article.author)),
    tagSlugs: jsonArrayOf<string>(row.tagSlugs),
    hasCorrections: row.corrected !== null,
    publishedMonth: sitemapMonth(article.publishedAt ?? new Date()),
  };
}

/**
 * Where an article shows now; null while readers cannot see it. One plain statement: the card's
 * row (lib/articles/card-rows.ts) with its topics and whether it has corrections, not a nested
 * Prisma select, which Prisma compiled afresh each time (4.0 ms a read on 50,000 articles).
 * A move reads it with the footprint it is about to make (readPublicFootprints).
 */
export async function readPublicFootprint(client: PrismaClient | Tx, articleId: string): Promise<PublicFootprint | null> {
  const [row] = await client.$queryRaw<FootprintRow[]>(footprintStatement(articleId, liveRevisionRef, "now"));
  return row ? footprintOf(row, { asLive: false }) : null;
}

/**
 * In one statement: where an article shows now (null while readers cannot see it), and where it
 * would show with the revision `revision` (SQL for its id, from the article "a") live, published
 * when it is now (null when there is no such revision), and that revision's id. A move knows from
 * them what it will change before it writes, and announces it with its writes (publicChangeNotice).
 */
export async function readPublicFootprints(
  client: Pick<PrismaClient, "$queryRaw">,
  articleId: string,
  revision: string,
): Promise<{ now: PublicFootprint | null; withRevision: PublicFootprint | null; revisionId: string | null }> {
  const rows = await client.$queryRaw<FootprintRow[]>`${footprintStatement(articleId, liveRevisionRef, "now")} UNION ALL ${footprintStatement(articleId, revision, "with")}`;
  const now = rows.find((row) => row.which === "now");
  const withRevision = rows.find((row) => row.which === "with");
  return {
    now: now ? footprintOf(now, { asLive: false }) : null,
    withRevision: withRevision?.revisionId ? footprintOf(withRevision, { asLive: true }) : null,
    revisionId: withRevision?.revisionId ?? null,
  };
}

/**
 * `after` may be given when the caller knows it (moveArticle computes it before it writes,
 * saveArticle reads it inside its transaction): the pages are then expired the moment this is
 * called, with no query in between. `announced`: the change was announced to the other server
 * processes with its writes (publicChangeNotice, announcePublicChange), under this name and with
 * these tags.
 */
export type PublicChange =
  | { articleId: string; before: PublicFootprint | null; after?: PublicFootprint | null; announced?: NamedChange }
  | { everything: true };

/**
 * Inside the transaction, once both sides are known: tells the newspaper's other server processes
 * which pages to drop, in a message PostgreSQL delivers when the transaction commits and never if
 * it does not (lib/postgres/expiry-relay.ts). Hand what it returns to refreshPublicPages after the
 * commit.
 */
export async function announcePublicChange(
  tx: Tx,
  change: { articleId: string; before: PublicFootprint | null; after: PublicFootprint | null },
): Promise<PublicChange> {
  const { publicChange, notice } = publicChangeNotice(change);
  if (notice) await tx.$executeRaw(notice);
  return publicChange;
}

/**
 * The same announcement as a statement, for a caller that sends it together with its writes
 * (lib/writes-together.ts), in the transaction: null on SQLite, where there is no other process.
 */
export function publicChangeNotice(change: { articleId: string; before: PublicFootprint | null; after: PublicFootprint | null }): {
  publicChange: PublicChange;
  notice: Prisma.Sql | null;
} {
  if (databaseProvider() !== "postgresql") return { publicChange: change, notice: null };
  const announced = { id: randomUUID(), tags: tagsToRefresh(change.before, change.after) };
  return { publicChange: { ...change, announced }, notice: expiryNotice(announced.tags, announced.id) };
}

/** Expires the cached pages a change affects, here and in the other server processes; returns the tags. */
export async function refreshPublicPages(change: PublicChange): Promise<string[]> {
  let named: NamedChange;
  let addresses: ReturnType<typeof changedAddresses>;
  if ("everything" in change) {
    named = { id: randomUUID(), tags: [publicTag.everything] };
    addresses = changedAddresses("everything");
  } else {
    const after = change.after !== undefined ? change.after : await readPublicFootprint(db, change.articleId);
    named = change.announced ?? { id: randomUUID(), tags: tagsToRefresh(change.before, after) };
    addresses = changedAddresses([change.before, after]);
  }
  const expired = takeInChange(named, "everything" in change || !change.announced ? "here" : "announced");
  await tellNext(named.tags);
  // A render begun within the expiry's millisecond would count as begun before it, and be made twice.
  await afterMillisecondOf(expired);
  await refreshFrontCaches(addresses, named);
  return named.tags;
}

/**
 * The edges fetch the front page, then the story and its other fronts, again before the change's
 * request is answered, so what the editor sees as done is what most readers get (never more than
 * `edgeWaitMs` of it, and never a failure); the other pages just after, while the answer goes out.
 * With edges, each group is rendered here from the moment it is due (server.ts), before their
 * requests arrive. The front page goes alone: rendered beside the story and its section, on the
 * same cores as the edge, it came out as late as the slowest of them (docs/decisions/034).
 */
const edgeWaitMs = 2_000;
const failedToAsk = (error: unknown) => console.error("Edges: could not ask them to fetch changed pages again:", error);

async function refreshFrontCaches({ front, first, then }: ReturnType<typeof changedAddresses>, change: NamedChange) {
  const inTurn = async () => {
    warmPages(front);
    await refreshEdges(front, [change]);
    warmPages(first);
    await refreshEdges(first, [change]);
  };
  try {
    await Promise.race([inTurn(), new Promise((resolve) => setTimeout(resolve, edgeWaitMs).unref())]);
  } catch (error) {
    failedToAsk(error);
  }
  refreshLater(then, change);
}

/**
 * The later pages (writers, topics, feeds, sitemaps, some at a million stories the costliest to
 * render) are fetched again one round at a time: a change made while a round runs waits for the
 * next, which fetches each of its pages once for every change that waits on it (the request names
 * them all). Publications faster than those renders then cost one round, not one each, and never
 * pile up behind each other; the edges' copies live a second meanwhile.
 */
const laterPages = { waiting: new Map<string, NamedChange[]>(), running: false };

/**
 * The first of `changes` one request can name: its header lines must stay within nginx's 8 KB a
 * line (a longer one is refused with 400), so at most about 6 KB of names and tags, or 100 changes
 * (what edgeRefresh takes); the rest wait for the next round. Always one, however long.
 */
export function changesForOneAsk(changes: NamedChange[], maxBytes = 6_000): NamedChange[] {
  let bytes = 0;
  const taken: NamedChange[] = [];
  for (const change of changes) {
    bytes += change.id.length + 1 + change.tags.reduce((sum, tag) => sum + encodeURIComponent(tag).length + 1, 0);
    if (taken.length > 0 && (bytes > maxBytes || taken.length === 100)) break;
    taken.push(change);
  }
  return taken;
}

function refreshLater(addresses: string[], change: NamedChange) {
  for (const address of addresses) laterPages.waiting.set(address, [...(laterPages.waiting.get(address) ?? []), change]);
  if (laterPages.running || laterPages.waiting.size === 0) return;
  laterPages.running = true;
  void (async () => {
    try {
      while (laterPages.waiting.size > 0) {
        const round = [...laterPages.waiting].map(([address, changes]) => [address, changesForOneAsk(changes)] as const);
        for (const [address, changes] of round) {
          const rest = laterPages.waiting.get(address)!.slice(changes.length);
          if (rest.length > 0) laterPages.waiting.set(address, rest);
          else laterPages.waiting.delete(address);
        }
        await Promise.all(round.map(([address, changes]) => refreshEdges([address], changes).catch(failedToAsk)));
      }
    } finally {
      laterPages.running = false;
    }
  })();
}

/**
 * Inside a server action or route handler, Next is told as well, so the browser that made the
 * change drops its own copies of those pages (its router cache). Elsewhere (the scheduler, tests)
 * there is no request to tell and Next refuses; the expiry above has already done the work.
 */
async function tellNext(tags: string[]) {
  try {
    const { revalidateTag } = await nextCache();
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch {
    // Not in a request: nothing to tell.
  }
}
