import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSection, listPublishedPage } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { Pagination, pageNumber } from "@/components/public/pagination";
import { StoryList } from "@/components/public/story-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ section: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ section: slug }, settings] = await Promise.all([params, getSettings()]);
  const section = await getSection(slug);
  if (!section) return { title: settings.newspaperName };
  return {
    title: `${section.name} | ${settings.newspaperName}`,
    description: `The latest ${section.name} stories from ${settings.newspaperName}.`,
    alternates: { canonical: `/${section.slug}`, types: { "application/rss+xml": `/${section.slug}/feed.xml` } },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const [{ section: slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const section = await getSection(slug);
  if (!section) notFound();
  const page = pageNumber(pageParam);
  const [settings, result] = await Promise.all([getSettings(), listPublishedPage({ page, sectionSlug: slug })]);
  if (page > result.pages) notFound();
  return (
    <section className="listing">
      <h1>{section.name}</h1>
      {result.items.length > 0 ? <StoryList items={result.items} timeZone={settings.timeZone} /> : <p>Nothing published here yet.</p>}
      <Pagination path={`/${section.slug}`} page={result.page} pages={result.pages} />
      <p className="hint">
        <Link href={`/${section.slug}/feed.xml`}>RSS feed for {section.name}</Link>
      </p>
    </section>
  );
}
