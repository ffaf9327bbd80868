import type { Metadata } from "next";
import { listOpinion } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { OpinionList } from "@/components/public/opinion-rail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { newspaperName } = await getSettings();
  return { title: `Opinion | ${newspaperName}` };
}

export default async function OpinionPage() {
  const [settings, items] = await Promise.all([getSettings(), listOpinion({ take: 50 })]);
  return (
    <section className="listing">
      <h1>Opinion</h1>
      {items.length > 0 ? (
        <OpinionList items={items} timeZone={settings.timeZone} showKind />
      ) : (
        <p>No opinion has been published yet.</p>
      )}
    </section>
  );
}
