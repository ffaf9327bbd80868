import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/public/not-found-notice";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };
// Rendered per request, so the proxy's 404 stands; not "force-dynamic", which would also bypass
// the cached reads of the masthead.
export const revalidate = 0;

/**
 * Shown, with status 404, at an article-shaped address that is no live article (proxy.ts). The
 * proxy already knows, so the reader gets a complete page at once, and stray addresses never fill
 * the page cache.
 */
export default function MissingPage() {
  return (
    <section className="not-found">
      <NotFoundNotice />
    </section>
  );
}
