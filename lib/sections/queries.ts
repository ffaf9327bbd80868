/** What the settings screen reads about sections: their order, addresses and how much uses them. */
import "server-only";
import { db } from "@/lib/db";

/** The newspaper's order of sections; ties (older data) fall back to the name, so the order is stable. */
export const sectionOrder = [{ position: "asc" as const }, { name: "asc" as const }];

export type SectionRow = { id: string; slug: string; name: string; articleCount: number };

export async function listSectionsForSettings(): Promise<SectionRow[]> {
  const sections = await db.section.findMany({
    orderBy: sectionOrder,
    select: { id: true, slug: true, name: true, _count: { select: { articles: true } } },
  });
  return sections.map(({ _count, ...section }) => ({ ...section, articleCount: _count.articles }));
}
