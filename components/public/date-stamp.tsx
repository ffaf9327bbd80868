import { publicStamp } from "@/lib/articles/dates";
import { formatShortDate } from "@/lib/time/format";

/** "Updated 24 Feb, 2025" when an editor marked a significant update, else the publication date. */
export function DateStamp({
  publishedAt,
  updatedStampAt,
  timeZone,
}: {
  publishedAt: Date;
  updatedStampAt: Date | null;
  timeZone: string;
}) {
  const stamp = publicStamp({ publishedAt, updatedStampAt });
  return (
    <span className="stamp">
      {stamp.kind === "updated" ? "Updated " : null}
      <time dateTime={stamp.at.toISOString()}>{formatShortDate(stamp.at, timeZone)}</time>
    </span>
  );
}
