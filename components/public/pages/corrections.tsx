import { formatShortDate } from "@/lib/time/format";
import { getPublicSettings, listCorrections } from "@/lib/articles/public-queries";
import { notFound, type ReaderPage } from "@/lib/reader/page";
import { Pagination } from "../pagination";

/** The corrections page and its older pages (`?page=N`): every correction stays findable, however old. */
export async function correctionsPage(page: number): Promise<ReaderPage> {
  const [settings, result] = await Promise.all([getPublicSettings(), listCorrections(page)]);
  if (page > result.pages) notFound();
  return {
    head: {
      title: `Corrections and clarifications${page > 1 ? ` (page ${page})` : ""} | ${settings.newspaperName}`,
      description: `Every correction and clarification ${settings.newspaperName} has published, newest first.`,
      alternates: { canonical: `/corrections${page > 1 ? `?page=${page}` : ""}` },
    },
    content: (
      <section className="listing">
        <h1>Corrections and clarifications</h1>
        <p className="hint">When we get something wrong, we correct it and say so here, newest first.</p>
        {result.items.length === 0 ? <p>No corrections have been published.</p> : null}
        <ul className="card-list">
          {result.items.map((correction) => (
            <li key={correction.id} className="card">
              <h2 className="correction-headline">
                <a href={correction.article.path}>{correction.article.headline}</a>
              </h2>
              <p>
                <strong>
                  {correction.kind === "correction" ? "Correction" : "Clarification"},{" "}
                  <time dateTime={correction.createdAt.toISOString()}>{formatShortDate(correction.createdAt, settings.timeZone)}</time>:
                </strong>{" "}
                {correction.text}
              </p>
            </li>
          ))}
        </ul>
        <Pagination path="/corrections" page={result.page} pages={result.pages} />
      </section>
    ),
  };
}
