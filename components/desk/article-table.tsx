import Link from "next/link";
import type { DeskArticleRow } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/articles/dates";
import { kindLabels } from "@/lib/articles/kinds";
import { statusLabels } from "@/lib/articles/workflow";

/** A table of articles for the desk; `href` chooses where each headline leads. */
export function ArticleTable({
  rows,
  timeZone,
  href = (row) => `/desk/articles/${row.id}`,
  empty,
}: {
  rows: DeskArticleRow[];
  timeZone: string;
  href?: (row: DeskArticleRow) => string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="article-table">
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">State</th>
          <th scope="col">Section</th>
          <th scope="col">Kind</th>
          <th scope="col">Author</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={href(row)}>{row.headline}</Link>
            </td>
            <td>
              <span className={`status status-${row.status}`}>{statusLabels[row.status]}</span>
            </td>
            <td>{row.sectionName}</td>
            <td>{kindLabels[row.kind]}</td>
            <td>{row.authorName}</td>
            <td>
              <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt, timeZone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
