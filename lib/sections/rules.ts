/**
 * The newspaper's sections: how a section's address is made, which addresses are not free, the
 * order on the masthead, and when a section may go. Pure functions; ./commands asks them.
 *
 * A section's slug is its public address (/city, /city/some-story), so it is made once, from the
 * name, when the section is added, and a rename never changes it.
 */
import { slugFromHeadline } from "@/lib/text/slug";
import { isReservedTopLevelPath } from "@/lib/site-paths";

/** The address for a new section called `name`, or null when the name has nothing to make one from. */
export function sectionSlugFor(name: string): string | null {
  // slugFromHeadline falls back to "article" when nothing survives; a section needs its own word.
  return /[a-z0-9]/i.test(name) ? slugFromHeadline(name) : null;
}

/** What an admin is told when a new section's address would be one of the site's own pages. */
export function reservedPathProblem(slug: string): string {
  return `“/${slug}” is already a page of the site. Choose another name.`;
}

/**
 * Why a new section cannot have `slug`, or null when it can. The site's own top-level paths are
 * not free (lib/site-paths.ts): /opinion among them, which the seeded Opinion section keeps but no
 * new section may take.
 */
export function sectionSlugProblem(slug: string, takenSlugs: readonly string[]): string | null {
  if (isReservedTopLevelPath(slug)) return reservedPathProblem(slug);
  if (takenSlugs.includes(slug)) return `There is already a section at “/${slug}”. Choose another name.`;
  return null;
}

export type Direction = "up" | "down";

/** The section ids in their new order after moving `id` one place, or null when it cannot move. */
export function moveInOrder(orderedIds: readonly string[], id: string, direction: Direction): string[] | null {
  const from = orderedIds.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from === -1 || to < 0 || to >= orderedIds.length) return null;
  const order = [...orderedIds];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

/** Why a section cannot be deleted, or null when nothing uses it. */
export function deletionBlocker(name: string, uses: { articles: number; assignments: number }): string | null {
  if (uses.articles > 0) {
    const count = uses.articles === 1 ? "1 article uses it" : `${uses.articles} articles use it`;
    return `${name} cannot be deleted: ${count} (drafts and spiked pieces count too). Move them to another section first.`;
  }
  if (uses.assignments > 0) {
    const count = uses.assignments === 1 ? "1 assignment names it" : `${uses.assignments} assignments name it`;
    return `${name} cannot be deleted: ${count}.`;
  }
  return null;
}
