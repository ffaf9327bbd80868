/**
 * The front caches (nginx, deploy/nginx/newsdesk.conf) keep each public page a second. After a
 * change, once this process has dropped its own pages, each edge is asked to fetch the changed
 * addresses again, once per encoding it keeps, with the refresh secret that makes it skip its copy
 * and keep the new one: readers see the change on their very next request, not a second later.
 *
 *   NEWSDESK_EDGES=http://10.0.0.5:80,http://10.0.0.6:80   the edges, as this process reaches them
 *   NEWSDESK_EDGE_SECRET=…                                 the secret in their configuration
 *
 * The request carries the public site's Host (NEWSDESK_PUBLIC_URL or NEXTAUTH_URL), which is part
 * of the edge's cache key, and the change (its tags and a name): the process that answers may not
 * yet have heard of it from the relay, so it expires those tags itself, once per change, and renders
 * each page once for all the encodings (`edgeRefresh`, lib/reader/responder.ts). Only the first page of each listing is fetched again; later pages and
 * search results simply expire a second later.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { isOpinion } from "@/lib/articles/kinds";
import { requestStatus } from "@/lib/server/status-request";
import { siteUrl } from "@/lib/site-url";
import type { NamedChange } from "./store";
import type { PublicFootprint } from "./tags";

const edgesSchema = z.object({
  NEWSDESK_EDGES: z
    .string()
    .transform((value) => value.split(",").map((each) => each.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^http$/, error: "Each edge is an http:// address, e.g. http://127.0.0.1:8080." }))),
  NEWSDESK_EDGE_SECRET: z.string({ error: "Set NEWSDESK_EDGE_SECRET to the refresh secret in the edges' configuration." }).regex(/^[\w.~+/=-]{16,}$/, { error: "NEWSDESK_EDGE_SECRET must be at least 16 letters, digits or -_.~+/=." }),
});

export type EdgeSettings = { edges: string[]; secret: string; host: string };

/** The edges to tell, from the environment; null when there are none. Throws on a half-made setting. */
export function edgeSettings(env: Record<string, string | undefined> = process.env): EdgeSettings | null {
  if (!env.NEWSDESK_EDGES?.trim()) return null;
  const parsed = edgesSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Edge settings: ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  return { edges: parsed.data.NEWSDESK_EDGES, secret: parsed.data.NEWSDESK_EDGE_SECRET, host: new URL(siteUrl()).host };
}

/**
 * The first pages that showed or now show a story (either side null when readers cannot see it), in
 * the order the edges fetch them again: `front`, the front page, which most readers open, alone, so
 * that its render and the edge's copy of it do not share the machine with the others; `first` the
 * rest of what readers open (the story, its section or Opinion), both before the change is answered;
 * `then` the rest (writers, topics, feeds, sitemaps), just after.
 */
export function changedAddresses(footprints: (PublicFootprint | null)[] | "everything"): { front: string[]; first: string[]; then: string[] } {
  if (footprints === "everything") return { front: ["/"], first: ["/opinion"], then: ["/feed.xml", "/sitemap.xml", "/sitemaps/pages.xml", "/news-sitemap.xml"] };
  const first = new Set<string>();
  const then = new Set<string>();
  for (const footprint of footprints) {
    if (!footprint) continue;
    const { slug, sectionSlug, kind, authorSegments, tagSlugs, hasCorrections, publishedMonth } = footprint;
    first.add(`/${sectionSlug}/${slug}`).add(isOpinion(kind) ? "/opinion" : `/${sectionSlug}`);
    if (isOpinion(kind) && sectionSlug !== "opinion") first.add(`/${sectionSlug}`);
    then.add(`/${sectionSlug}/feed.xml`);
    for (const segment of authorSegments) then.add(`/authors/${segment}`);
    for (const tag of tagSlugs) then.add(`/tags/${tag}`).add(`/tags/${tag}/feed.xml`);
    for (const file of ["/feed.xml", "/sitemap.xml", "/sitemaps/pages.xml", `/sitemaps/${publishedMonth}.xml`, "/news-sitemap.xml"]) then.add(file);
    if (hasCorrections) then.add("/corrections");
  }
  if (first.size === 0) return { front: [], first: [], then: [] };
  return { front: ["/"], first: [...first], then: [...then].filter((address) => !first.has(address)) };
}

/** Whether a request carries the edges' refresh secret (compared in constant time). */
export function isEdgeRefresh(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}


const tagPattern = /^[\w:.%-]{1,200}$/;

/**
 * The changes a fetch-again brings, in two headers: their names, and each one's tags (URI-encoded,
 * so neither space nor comma is in one), the changes' lists in the same order, between commas.
 */
export function changeHeaders(changes: NamedChange[]): Record<string, string> {
  return {
    "X-Newsdesk-Change": changes.map((change) => change.id).join(" "),
    "X-Newsdesk-Expired": changes.map((change) => change.tags.map(encodeURIComponent).join(" ")).join(","),
  };
}

/**
 * What an edge's fetch-again request asks of this process: null for any other request (or a wrong
 * secret); otherwise the changes to take in before answering, when the request names them well
 * (none otherwise: the page is then rendered afresh).
 */
export function edgeRefresh(headers: IncomingHttpHeaders, settings: EdgeSettings | null): { changes: NamedChange[] } | null {
  if (!settings || !isEdgeRefresh(headers["x-newsdesk-refresh"], settings.secret)) return null;
  const names = headers["x-newsdesk-change"];
  const value = headers["x-newsdesk-expired"];
  if (typeof names !== "string" || typeof value !== "string") return { changes: [] };
  const ids = names.split(" ");
  const lists = value.split(",").map((list) => list.split(" ").filter(Boolean));
  if (ids.length > 100 || ids.length !== lists.length || !ids.every((id) => /^[\w-]{8,64}$/.test(id))) return { changes: [] };
  if (lists.flat().length > 1_000 || !lists.every((parts) => parts.every((part) => tagPattern.test(part)))) return { changes: [] };
  try {
    return { changes: ids.map((id, index) => ({ id, tags: lists[index]!.map(decodeURIComponent) })) };
  } catch {
    return { changes: [] };
  }
}

/** The encodings an edge keeps a copy for (deploy/nginx/newsdesk.conf, `$newsdesk_variant`). */
export const edgeEncodings = ["br", "gzip", ""] as const;

/** One fetch-again request; resolves with its status, or what went wrong when there is none. */
function fetchAgain(edge: string, address: string, encoding: string, change: Record<string, string>, { secret, host }: EdgeSettings): Promise<number | string> {
  const target = new URL(address, edge);
  const headers = { Host: host, "X-Newsdesk-Refresh": secret, ...change, ...(encoding ? { "Accept-Encoding": encoding } : {}) };
  return requestStatus({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers, timeout: 5_000 });
}

let lastWarning = 0;

/**
 * Asks every edge to fetch `addresses` again, in every encoding, naming the changes they show;
 * resolves when all have answered.
 * An edge that cannot be reached is logged (once a minute at most) and otherwise ignored: its copies
 * expire within a second anyway.
 */
export async function refreshEdges(addresses: string[], changes: NamedChange[], settings: EdgeSettings | null = edgeSettings()): Promise<{ asked: number; failed: number }> {
  if (!settings || addresses.length === 0) return { asked: 0, failed: 0 };
  const header = changeHeaders(changes);
  const asks = settings.edges.flatMap((edge) => addresses.flatMap((address) => edgeEncodings.map((encoding) => fetchAgain(edge, address, encoding, header, settings))));
  const statuses = await Promise.all(asks);
  const failures = statuses.filter((status) => typeof status === "string" || status >= 500);
  if (failures.length > 0 && Date.now() - lastWarning > 60_000) {
    lastWarning = Date.now();
    const counts = new Map<number | string, number>();
    for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
    const what = [...counts].map(([failure, count]) => `${count} × ${failure}`).join(", ");
    console.warn(`Edges: ${failures.length} of ${statuses.length} fetch-again requests failed (${what}; is every edge in NEWSDESK_EDGES running?).`);
  }
  return { asked: statuses.length, failed: failures.length };
}
