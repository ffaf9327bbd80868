/** An author's public address, /authors/<slug>: made from their name once, unique, then kept. */
import { slugFromHeadline, uniqueSlug } from "@/lib/text/slug";

export function authorSlug(name: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  return uniqueSlug(slugFromHeadline(name), isTaken);
}

export function authorPath(author: { slug: string | null; id: string }): string {
  return `/authors/${author.slug ?? author.id}`;
}
