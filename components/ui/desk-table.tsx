import { Fragment, type ReactNode } from "react";

/**
 * The desk's lists of things (articles, assignments, staff, the audit log): a table with a header
 * row of column names, one row per item, or a sentence instead when there is nothing to list.
 */
export function DeskTable<Row extends { id: string }>({
  className,
  columns,
  rows,
  empty,
  children,
}: {
  /** Added to `article-table`, the look every desk table shares. */
  className?: string;
  columns: ReactNode[];
  rows: Row[];
  /** Said instead of an empty table; without it, an empty table is shown. */
  empty?: string;
  /** One item's row: a `<tr>`. */
  children: (row: Row) => ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="empty">{empty}</p>;
  return (
    <table className={className ? `article-table ${className}` : "article-table"}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Fragment key={row.id}>{children(row)}</Fragment>
        ))}
      </tbody>
    </table>
  );
}
