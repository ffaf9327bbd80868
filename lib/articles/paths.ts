/**
 * Readers' addresses for articles: /<section>/<slug>. The slug follows the headline until first
 * publication (lib/text/slug.ts makes it); after that it stays put, so links already shared keep
 * working.
 */
/** The public path of a published article. */
export function articlePath(article: { slug: string; section: { slug: string } }): string {
  return `/${article.section.slug}/${article.slug}`;
}
