import type { Metadata } from "next";
import Link from "next/link";
import { formatShortDate } from "@/lib/articles/dates";
import { listCorrections } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { newspaperName } = await getSettings();
  return { title: `Corrections and clarifications | ${newspaperName}` };
}

export default async function CorrectionsPage() {
  const [settings, corrections] = await Promise.all([getSettings(), listCorrections()]);
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
