import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/public/not-found-notice";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };
export const dynamic = "force-dynamic";

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
