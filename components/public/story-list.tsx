import type { PublicArticleCard } from "@/lib/articles/public-records";
import { DateStamp } from "./date-stamp";

/** The level of a list's headlines: one below the heading the list sits under, so none is skipped. */
export type HeadlineLevel = 2 | 3 | 4;

/** A list of stories: headline link, stamp, excerpt. */
export function StoryList({ items, timeZone, level = 3 }: { items: PublicArticleCard[]; timeZone: string; level?: HeadlineLevel }) {
  const Headline = `h${level}` as const;
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <Headline className="card-headline">
            <a href={item.path}>{item.headline}</a>
          </Headline>
          <p className="card-meta">
            <span className="section-name">{item.section.name}</span>
            <DateStamp publishedAt={item.publishedAt} updatedStampAt={item.updatedStampAt} timeZone={timeZone} />
          </p>
          <p className="excerpt">{item.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}
