import type { PublicArticleCard } from "@/lib/articles/public-records";
import { DateStamp } from "./date-stamp";

/** A list of stories: headline link, stamp, excerpt. */
export function StoryList({ items, timeZone }: { items: PublicArticleCard[]; timeZone: string }) {
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <h3>
            <a href={item.path}>{item.headline}</a>
          </h3>
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
