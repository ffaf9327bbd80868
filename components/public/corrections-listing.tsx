import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatShortDate } from "@/lib/time/format";
import { getPublicSettings, listCorrections } from "@/lib/articles/public-queries";
import { Pagination } from "./pagination";

/**
 * The corrections page and its older pages (`/corrections?page=N`, rewritten to
 * `/corrections/page/<n>` like the other listings): every correction stays findable, however old.
 */
export async function correctionsMetadata(page: number): Promise<Metadata> {
  const { newspaperName } = await getPublicSettings();
  return {
    title: `Corrections and clarifications${page > 1 ? ` (page ${page})` : ""} | ${newspaperName}`,
    alternates: { canonical: `/corrections${page > 1 ? `?page=${page}` : ""}` },
  };
}

export async function CorrectionsListing({ page }: { page: number }) {
  const [settings, result] = await Promise.all([getPublicSettings(), listCorrections(page)]);
  if (page > result.pages) notFound();
  return (
    <section className="listing">
      <h1>Corrections and clarifications</h1>
      <p className="hint">When we get something wrong, we correct it and say so here, newest first.</p>
      {result.items.length === 0 ? <p>No corrections have been published.</p> : null}
      <ul className="card-list">
        {result.items.map((correction) => (
          <li key={correction.id} className="card">
            <h2 className="correction-headline">
              <Link href={correction.article.path}>{correction.article.headline}</Link>
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
  );
}
