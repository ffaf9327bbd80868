/** The public address of the site, for feeds, sitemaps and canonical links. */
export function siteUrl(): string {
  const url = process.env.NEWSDESK_PUBLIC_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
  return url.replace(/\/+$/, "");
}
