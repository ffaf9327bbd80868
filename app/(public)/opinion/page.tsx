import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { articleKinds, isOpinion, type ArticleKind } from "@/lib/articles/kinds";
import { listPublishedPage } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { OpinionList } from "@/components/public/opinion-rail";
import { Pagination, pageNumber } from "@/components/public/pagination";

export const dynamic = "force-dynamic";

const opinionKinds = articleKinds.filter(isOpinion);
const groups: { kind?: ArticleKind; label: string }[] = [
  { label: "All opinion" },
  { kind: "editorial", label: "Editorials" },
  { kind: "column", label: "Columns" },
  { kind: "op-ed", label: "Op-eds" },
  { kind: "letter", label: "Letters" },
];

type Props = { searchParams: Promise<{ kind?: string; page?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ kind }, { newspaperName }] = await Promise.all([searchParams, getSettings()]);
  const group = groups.find((candidate) => candidate.kind === kind);
  return {
    title: `${group?.kind ? group.label : "Opinion"} | ${newspaperName}`,
    description: `Editorials, columns, op-eds and letters from ${newspaperName}.`,
    alternates: { canonical: group?.kind ? `/opinion?kind=${group.kind}` : "/opinion" },
  };
}

export default async function OpinionPage({ searchParams }: Props) {
  const params = await searchParams;
  const group = groups.find((candidate) => candidate.kind === params.kind) ?? groups[0]!;
  const page = pageNumber(params.page);
  const [settings, result] = await Promise.all([
    getSettings(),
    listPublishedPage({ page, kinds: group.kind ? [group.kind] : opinionKinds }),
  ]);
  if (page > result.pages) notFound();
  return (
    <section className="listing">
      <h1>Opinion</h1>
      <nav aria-label="Opinion groups">
        <ul className="group-links">
          {groups.map((candidate) => (
            <li key={candidate.label}>
              <Link
                href={candidate.kind ? `/opinion?kind=${candidate.kind}` : "/opinion"}
                aria-current={candidate === group ? "page" : undefined}
              >
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {result.items.length > 0 ? (
        <OpinionList items={result.items} timeZone={settings.timeZone} showKind />
      ) : (
        <p>Nothing published here yet.</p>
      )}
      <Pagination path="/opinion" page={result.page} pages={result.pages} params={{ kind: group.kind }} />
    </section>
  );
}
