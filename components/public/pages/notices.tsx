import { getPublicSettings } from "@/lib/articles/public-queries";
import type { ReaderPage } from "@/lib/reader/page";
import { NotFoundNotice } from "../not-found-notice";

/** Any address that is no page of the paper: 404 (or 400 for a malformed one), with the ways on. */
export async function notFoundPage(status = 404): Promise<ReaderPage> {
  const { newspaperName } = await getPublicSettings();
  return {
    status,
    head: { title: `Page not found | ${newspaperName}`, robots: { index: false } },
    content: (
      <section className="not-found">
        <NotFoundNotice />
      </section>
    ),
  };
}

/** The address of an article that was published and then withdrawn: 410. */
export async function withdrawnPage(): Promise<ReaderPage> {
  const { newspaperName } = await getPublicSettings();
  return {
    status: 410,
    head: { title: `Article withdrawn | ${newspaperName}`, robots: { index: false } },
    content: (
      <section className="not-found">
        <h1>This article has been withdrawn</h1>
        <p>It was published here earlier and has since been taken down by the editors.</p>
        <p>
          <a href="/">Go to the front page</a> · <a href="/search">Search the paper</a> ·{" "}
          <a href="/corrections">Corrections and clarifications</a>
        </p>
      </section>
    ),
  };
}
