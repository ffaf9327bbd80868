/**
 * Readable URL segments made from a headline, a name or a section's name: lower case, ASCII,
 * words joined by hyphens, never empty, and unique where the caller says what is taken.
 */
import slugify from "slugify";

const maxLength = 80;

export function slugFromHeadline(headline: string): string {
  const slug = slugify(headline, { lower: true, strict: true, trim: true });
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, "") : slug;
  return cut || "article";
}

/** The first of `base`, `base-2`, `base-3`… that `isTaken` does not claim. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
