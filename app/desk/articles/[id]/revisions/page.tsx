import Link from "next/link";
import { notFound } from "next/navigation";
import { requireDeskUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time/format";
import { diffText } from "@/lib/articles/revision-diff";
import { getArticleRevisions, getRevisionTexts, type RevisionRow } from "@/lib/articles/revision-queries";
import { chooseComparison, isRestorable } from "@/lib/articles/revisions";
import { revisionComparisonSchema } from "@/lib/articles/schemas";
import { canEditText } from "@/lib/articles/workflow";
import { getSettings } from "@/lib/settings";
import { RestoreRevisionButton } from "@/components/desk/restore-revision-button";
import { RevisionDiff } from "@/components/desk/revision-diff";
import { deskHeadline } from "@/lib/articles/desk-title";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An article's revisions, newest first, a word-level comparison of any two, and restoring an old one. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const [{ id }, query, user] = await Promise.all([params, searchParams, requireDeskUser()]);
  const article = await getArticleRevisions(user, id);
  if (!article) notFound();
  const { timeZone } = await getSettings();
  const { from, to } = chooseComparison(
    article.revisions.map((revision) => revision.number),
    article.version,
    revisionComparisonSchema.parse(query),
  );
  const texts = await getRevisionTexts(user, article.id, [from, to]);
  const before = texts.get(from);
  const after = texts.get(to);
  const mayRestore = canEditText(article, user);
  const describe = (revision: RevisionRow) =>
    `Revision ${revision.number} — ${revision.authorName}, ${formatDateTime(revision.savedAt, timeZone)}`;

  return (
    <>
      <div className="page-heading">
        <h1>Revisions</h1>
        <p className="status-line">
          <Link href={`/desk/articles/${article.id}`}>Back to “{deskHeadline(article.headline)}”</Link>
        </p>
      </div>

      <table className="article-table revision-table">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Saved by</th>
            <th scope="col">Saved</th>
            <th scope="col">Marks</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {article.revisions.map((revision) => (
            <tr key={revision.number}>
              <th scope="row">Revision {revision.number}</th>
              <td>{revision.authorName}</td>
              <td>
                <time dateTime={revision.savedAt.toISOString()}>{formatDateTime(revision.savedAt, timeZone)}</time>
              </td>
              <td>
                {revision.isCurrent ? <span className="status">Current</span> : null}
                {revision.isLive ? <span className="status status-published">Live</span> : null}
              </td>
              <td className="revision-actions">
                {revision.number > 1 ? (
                  <Link href={`/desk/articles/${article.id}/revisions?from=${revision.number - 1}&to=${revision.number}`}>Compare with previous</Link>
                ) : null}
                {mayRestore && isRestorable(revision.number, article.version) ? (
                  <RestoreRevisionButton articleId={article.id} revisionNumber={revision.number} baseVersion={article.version} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Restoring copies an old revision&apos;s text into a new revision. Readers keep seeing the live revision until an
        editor republishes.
      </p>

      <section className="revision-compare" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare revisions</h2>
        <form method="get" className="compare-form" key={`${from}-${to}`}>
          <div className="field">
            <label htmlFor="compare-from">From revision</label>
            <select id="compare-from" name="from" defaultValue={String(from)}>
              {article.revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {describe(revision)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compare-to">To revision</label>
            <select id="compare-to" name="to" defaultValue={String(to)}>
              {article.revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {describe(revision)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Compare
          </button>
        </form>
        <p className="compare-summary">
          What changed between revision {from} and revision {to}. <span className="hint">Removed words are struck through;
          added words are underlined.</span>
        </p>
        {before && after ? (
          <>
            <RevisionDiff label="Headline" diff={diffText(before.headline, after.headline)} />
            <RevisionDiff label="Dateline" diff={diffText(before.dateline, after.dateline)} />
            <RevisionDiff label="Standfirst" diff={diffText(before.standfirst, after.standfirst)} />
            <RevisionDiff label="Body" diff={diffText(before.body, after.body)} />
            <RevisionDiff label="Byline" diff={diffText(before.byline, after.byline)} />
            <RevisionDiff label="Tags" diff={diffText(before.tags, after.tags)} />
            <RevisionDiff label="Featured image" diff={diffText(before.featuredImage, after.featuredImage)} />
            <RevisionDiff label="Search title" diff={diffText(before.seoTitle, after.seoTitle)} />
            <RevisionDiff label="Search description" diff={diffText(before.seoDescription, after.seoDescription)} />
          </>
        ) : (
          <p className="empty">These revisions cannot be found.</p>
        )}
      </section>
    </>
  );
}
