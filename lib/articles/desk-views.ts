/**
 * The desk's article views (My work, Review queue, Scheduled, Published, Spiked, All articles) and
 * their filters,
 * read from the URL's query string so every list is a stable, shareable link. Pure: the page parses
 * the query here, and lib/articles/desk-queries.ts runs `deskViewWhere` for both the count and the
 * page, so the total always describes the rows shown.
 */
import { z } from "zod";
import { can, visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import type { ArticleOrderByWithRelationInput, ArticleWhereInput } from "@/lib/generated/prisma/models/Article";
import { pageNumberParam, queryValue } from "@/lib/paging";
import { containsText, databaseProvider } from "@/lib/database-url";
import { articleKinds, type ArticleKind } from "./kinds";
import { articleStatuses, type ArticleStatus } from "./workflow";

export const deskViews = ["mine", "review", "scheduled", "published", "spiked", "all"] as const;
export type DeskView = (typeof deskViews)[number];

type ViewDefinition = {
  label: string;
  statuses: readonly ArticleStatus[];
  /** Whether the view spans other people's work, and so is for those who may see any article. */
  everyone: boolean;
  /** Which date orders the view, and which way; the id breaks ties so pages never overlap. */
  order: { by: "updatedAt" | "scheduledFor" | "publishedAt"; direction: "asc" | "desc" };
  /**
   * Whether the view holds most of the archive (Published): its page is then found by walking the
   * order's index, not by sorting every row of its states (see `statesCondition`).
   */
  large?: boolean;
  empty: string;
};

export const viewDefinitions = {
  mine: {
    label: "My work",
    statuses: articleStatuses,
    everyone: false,
    order: { by: "updatedAt", direction: "desc" },
    empty: "You have no articles here. Start one with “New article”.",
  },
  // Everything between submission and going live: waiting for an editor, back with its author, or
  // approved and waiting to be scheduled or published. Oldest first: the longest wait is on top.
  review: {
    label: "Review queue",
    statuses: ["submitted", "changes_requested", "approved"],
    everyone: true,
    order: { by: "updatedAt", direction: "asc" },
    empty: "Nothing is waiting for review.",
  },
  scheduled: {
    label: "Scheduled",
    statuses: ["scheduled"],
    everyone: true,
    order: { by: "scheduledFor", direction: "asc" },
    empty: "Nothing is scheduled.",
  },
  // Withdrawn stories stay here, so an editor finds what readers can no longer see.
  published: {
    label: "Published",
    statuses: ["published", "unpublished"],
    everyone: true,
    order: { by: "publishedAt", direction: "desc" },
    large: true,
    empty: "Nothing published matches.",
  },
  spiked: {
    label: "Spiked",
    statuses: ["spiked"],
    everyone: true,
    order: { by: "updatedAt", direction: "desc" },
    empty: "Nothing has been spiked.",
  },
  all: {
    label: "All articles",
    statuses: articleStatuses,
    everyone: true,
    order: { by: "updatedAt", direction: "desc" },
    empty: "The newsroom has no articles yet.",
  },
} as const satisfies Record<DeskView, ViewDefinition>;

export const pageSizes = [10, 25, 50] as const;
export const defaultPageSize = 25;

/** The views `user` may open, in tab order: everyone has My work; the rest need sight of any article. */
export function viewsFor(user: Actor): DeskView[] {
  return deskViews.filter((view) => !viewDefinitions[view].everyone || can(user, "view:article:any"));
}

/** The states a view's state filter offers: the ones the view holds. */
export function stateChoices(view: DeskView): readonly ArticleStatus[] {
  return viewDefinitions[view].statuses;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(queryValue, schema.optional()).catch(undefined);

/** A hand-edited or stale URL never fails: anything unreadable falls back to the default. */
export const deskViewParamsSchema = z.object({
  view: z.preprocess(queryValue, z.enum(deskViews)).catch("mine"),
  section: optional(z.string().regex(/^[a-z0-9-]{1,80}$/)),
  kind: optional(z.enum(articleKinds)),
  author: optional(z.string().max(64)),
  state: optional(z.enum(articleStatuses)),
  q: optional(z.string().max(200)),
  page: pageNumberParam,
  per: z
    .preprocess(queryValue, z.coerce.number().refine((size) => (pageSizes as readonly number[]).includes(size)))
    .catch(defaultPageSize),
});

export type DeskViewQuery = {
  view: DeskView;
  section?: string;
  kind?: ArticleKind;
  author?: string;
  state?: ArticleStatus;
  q?: string;
  page: number;
  per: number;
};

/**
 * The query `user` may run, from the page's search params. A view they may not open becomes My
 * work, the author filter is for those who see others' work, and a state filter must be one of the
 * view's states. (The `where` limits them again; this keeps the screen honest.)
 */
export function parseDeskViewQuery(searchParams: Record<string, unknown>, user: Actor): DeskViewQuery {
  const parsed = deskViewParamsSchema.parse(searchParams);
  const view = viewsFor(user).includes(parsed.view) ? parsed.view : "mine";
  return {
    ...parsed,
    view,
    author: can(user, "view:article:any") ? parsed.author : undefined,
    state: parsed.state && stateChoices(view).includes(parsed.state) ? parsed.state : undefined,
  };
}

/**
 * The one `where` of a view, shared by its count and its page. Conditions are ANDed, so no filter
 * can widen what the policy lets `user` see (an `author` filter cannot replace the reporter's own id).
 */
export function deskViewWhere(query: DeskViewQuery, user: Actor, { sectionId }: { sectionId?: string } = {}): ArticleWhereInput {
  const conditions: ArticleWhereInput[] = [visibleArticlesWhere(user), query.state ? { status: query.state } : statesCondition(query.view)];
  if (query.view === "mine") conditions.push({ authorId: user.id });
  // By id when the caller has found it: asked through the slug, the section became an IN (subquery)
  // and SQLite sorted all its stories for a page instead of reading them in order from the index.
  if (query.section) conditions.push(sectionId ? { sectionId } : { section: { slug: query.section } });
  if (query.kind) conditions.push({ kind: query.kind });
  if (query.author) conditions.push({ authorId: query.author });
  // SQLite's LIKE, behind `contains`, ignores ASCII case; PostgreSQL would need `mode: "insensitive"`.
  if (query.q) conditions.push({ headline: containsText(query.q) });
  return { AND: conditions };
}

/**
 * A view's states, in the form that lets the database find a page without sorting the archive.
 * Every state: no condition at all (All articles walks its order's index and stops at the page).
 * A view holding most of the archive: the same states asked as "not any other", which no index
 * answers, so SQLite walks the order's index instead of reading a million rows of those states and
 * sorting them (Published: 150 ms → 0.2 ms at 50,000 articles). The rest, and PostgreSQL: the
 * states' index.
 */
function statesCondition(view: DeskView): ArticleWhereInput {
  const definition: ViewDefinition = viewDefinitions[view];
  const { statuses } = definition;
  if (articleStatuses.every((status) => statuses.includes(status))) return {};
  // PostgreSQL's planner, which knows the table from its statistics, does better with the plain form.
  if (definition.large && databaseProvider() === "sqlite") return { NOT: { status: { notIn: [...statuses] } } };
  return { status: { in: [...statuses] } };
}

export function deskViewOrder(view: DeskView): ArticleOrderByWithRelationInput[] {
  const { by, direction } = viewDefinitions[view].order;
  return [{ [by]: direction }, { id: direction }];
}

/**
 * The canonical link to a view: parameters in a fixed order, defaults left out, so the same list
 * always has the same URL. Changing a filter should pass `page: 1`.
 */
export function deskViewHref(query: DeskViewQuery, changes: Partial<DeskViewQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams({ view: next.view });
  for (const key of ["section", "kind", "author", "state", "q"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.page > 1) params.set("page", String(next.page));
  if (next.per !== defaultPageSize) params.set("per", String(next.per));
  return `/desk/articles?${params.toString()}`;
}
