/**
 * Who signs a live article: its revision's ordered byline, each name linked to the writer's page.
 * Editorials speak for the paper and carry none.
 *
 * Until the seed and the save command write byline rows for every revision (in progress on another
 * branch), a signed piece whose live revision has no byline rows is signed by the article's owner,
 * as it was before bylines existed. Remove `owner` from here once every revision has its rows.
 */
import { authorPath } from "@/lib/users/author-slug";
import { hasByline, type ArticleKind } from "./kinds";

type Person = { id: string; name: string; slug: string | null };

export type BylineAuthor = { name: string; path: string };

export function publicByline(kind: ArticleKind, bylines: { position: number; user: Person }[], owner: Person): BylineAuthor[] {
  if (!hasByline(kind)) return [];
  const people = bylines.length > 0 ? [...bylines].sort((a, b) => a.position - b.position).map((line) => line.user) : [owner];
  return people.map((person) => ({ name: person.name, path: authorPath(person) }));
}

/** "Ana Ruiz", "Ana Ruiz and Tom Lee", "Ana Ruiz, Tom Lee and Sam Okafor". */
export function bylineNames(authors: { name: string }[]): string {
  const names = authors.map((author) => author.name);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The /authors/<segment> part of each writer's page address, for cache tags. */
export function authorSegments(authors: BylineAuthor[]): string[] {
  return authors.map((author) => author.path.slice("/authors/".length));
}
