import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSection, listLatestArticles } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { StoryList } from "@/components/public/story-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ section: slug }, settings] = await Promise.all([params, getSettings()]);
  const section = await getSection(slug);
  return { title: section ? `${section.name} | ${settings.newspaperName}` : settings.newspaperName };
}

export default async function SectionPage({ params }: Props) {
  const { section: slug } = await params;
  const section = await getSection(slug);
  if (!section) notFound();
  const [settings, items] = await Promise.all([getSettings(), listLatestArticles({ sectionSlug: slug, take: 30 })]);
  return (
    <section className="listing">
      <h1>{section.name}</h1>
      {items.length > 0 ? <StoryList items={items} timeZone={settings.timeZone} /> : <p>Nothing published here yet.</p>}
    </section>
  );
}
