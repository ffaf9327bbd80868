/**
 * Who signs a live article: its revision's ordered byline, each name linked to the writer's page.
 * Editorials speak for the paper and carry none.
 *
 * Every save writes byline rows (a letter may have none: its writer signs it in the text). A signed
 * piece without rows can only be one saved before bylines existed and not since; migration 0005
 * backfilled those, and the owner signs any that slipped through.
 */
import { authorPath } from "@/lib/users/author-slug";
import { hasByline, kindRules, type ArticleKind } from "./kinds";

type Person = { id: string; name: string; slug: string | null };

export type BylineAuthor = { name: string; path: string };

/** Whether the owner signs a piece of `kind` whose revision names nobody (a letter then goes unsigned). */
export function ownerSignsUnsigned(kind: ArticleKind): boolean {
  return kindRules[kind].byline === "required";
}

export function publicByline(kind: ArticleKind, bylines: { position: number; user: Person }[], owner: Person): BylineAuthor[] {
  if (!hasByline(kind)) return [];
  if (bylines.length === 0 && !ownerSignsUnsigned(kind)) return [];
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
