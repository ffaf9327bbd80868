import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Article withdrawn", robots: { index: false } };
// Rendered per request, so the proxy's 410 stands; not "force-dynamic", which would also bypass
// the cached reads of the masthead.
export const revalidate = 0;

/** Shown, with status 410, at the address of an article that was published and then withdrawn. */
export default function WithdrawnPage() {
  return (
    <section className="not-found">
      <h1>This article has been withdrawn</h1>
      <p>It was published here earlier and has since been taken down by the editors.</p>
      <p>
        <Link href="/">Go to the front page</Link> · <Link href="/search">Search the paper</Link> ·{" "}
        <Link href="/corrections">Corrections and clarifications</Link>
      </p>
    </section>
  );
}
