import type { PublicArticleCard } from "@/lib/articles/public-records";
import { kindLabels } from "@/lib/articles/kinds";
import { DateStamp } from "./date-stamp";

/** The Opinion rail: editorials first, then other opinion, each with its stamp and an excerpt. */
export function OpinionRail({ items, timeZone }: { items: PublicArticleCard[]; timeZone: string }) {
  if (items.length === 0) return null;
  const editorials = items.filter((item) => item.kind === "editorial");
  const others = items.filter((item) => item.kind !== "editorial");
  return (
    <aside className="opinion-rail" aria-labelledby="opinion-rail-heading">
      <h2 id="opinion-rail-heading">
        <a href="/opinion">Opinion</a>
      </h2>
      {editorials.length > 0 ? (
        <section aria-label="Editorial">
          <h3>Editorial</h3>
          <OpinionList items={editorials} timeZone={timeZone} />
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-label="Columns and comment">
          <h3>Columns and comment</h3>
          <OpinionList items={others} timeZone={timeZone} showKind />
        </section>
      ) : null}
    </aside>
  );
}

export function OpinionList({
  items,
  timeZone,
  showKind = false,
}: {
  items: PublicArticleCard[];
  timeZone: string;
  showKind?: boolean;
}) {
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          {showKind ? <p className="kicker">{kindLabels[item.kind]}</p> : null}
          <h4>
            <a href={item.path}>{item.headline}</a>
          </h4>
          <p className="card-meta">
            {item.authors.length > 0 ? (
              <span className="byline">
                {item.authors.map((author, index) => (
                  <span key={author.path}>
                    {index === 0 ? null : index === item.authors.length - 1 ? " and " : ", "}
                    <a href={author.path}>{author.name}</a>
                  </span>
                ))}
              </span>
            ) : null}
            <DateStamp publishedAt={item.publishedAt} updatedStampAt={item.updatedStampAt} timeZone={timeZone} />
          </p>
          <p className="excerpt">{item.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}
