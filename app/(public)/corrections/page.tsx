import type { Metadata } from "next";
import Link from "next/link";
import { formatShortDate } from "@/lib/articles/dates";
import { getPublicSettings, listCorrections } from "@/lib/articles/public-queries";

// Served from the cache; a republication with a correction refreshes it (lib/public-cache).
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const { newspaperName } = await getPublicSettings();
  return { title: `Corrections and clarifications | ${newspaperName}` };
}

export default async function CorrectionsPage() {
  const [settings, corrections] = await Promise.all([getPublicSettings(), listCorrections()]);
  return (
    <section className="listing">
      <h1>Corrections and clarifications</h1>
      <p className="hint">When we get something wrong, we correct it and say so here, newest first.</p>
      {corrections.length === 0 ? <p>No corrections have been published.</p> : null}
      <ul className="card-list">
        {corrections.map((correction) => (
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
    </section>
  );
}
