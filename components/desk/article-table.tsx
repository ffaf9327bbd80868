import Link from "next/link";
import type { DeskArticleRow } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/time/format";
import { kindLabels } from "@/lib/articles/kinds";
import { deskHeadline } from "@/lib/articles/desk-title";
import { statusLabels } from "@/lib/articles/workflow";
import { Countdown } from "./countdown";
import { DeskTable } from "@/components/ui/desk-table";

const dateColumns = {
  updatedAt: "Last change",
  scheduledFor: "Scheduled for",
  publishedAt: "Published",
} as const;

/**
 * A table of articles for the desk; `href` chooses where each headline leads, `date` which date the
 * last column shows (the time a scheduled article goes live matters more than its last change).
 */
export function ArticleTable({
  rows,
  timeZone,
  href = (row) => `/desk/articles/${row.id}`,
  empty,
  date = "updatedAt",
}: {
  rows: DeskArticleRow[];
  timeZone: string;
  href?: (row: DeskArticleRow) => string;
  empty: string;
  date?: keyof typeof dateColumns;
}) {
  return (
    <DeskTable columns={["Headline", "State", "Section", "Kind", "Author", dateColumns[date]]} rows={rows} empty={empty}>
      {(row) => (
        <tr>
          <td>
            <Link href={href(row)}>{deskHeadline(row.headline)}</Link>
            {row.firstWords ? <span className="first-words"> {row.firstWords}</span> : null}
          </td>
          <td>
            <span className={`status status-${row.status}`}>{statusLabels[row.status]}</span>
          </td>
          <td>{row.sectionName}</td>
          <td>{kindLabels[row.kind]}</td>
          <td>{row.authorName}</td>
          <td>
            {dateCell(row[date], timeZone)}
            {date === "scheduledFor" && row.status === "scheduled" && row.scheduledFor ? (
              <>
                <br />
                <Countdown until={row.scheduledFor.toISOString()} />
              </>
            ) : null}
          </td>
        </tr>
      )}
    </DeskTable>
  );
}

function dateCell(at: Date | null, timeZone: string) {
  return at ? <time dateTime={at.toISOString()}>{formatDateTime(at, timeZone)}</time> : "—";
}
