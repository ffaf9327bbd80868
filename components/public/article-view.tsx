import Link from "next/link";
import { formatShortDate, printLine, publicStamp } from "@/lib/articles/dates";
import { hasByline, isOpinion, kindLabels, type ArticleKind } from "@/lib/articles/kinds";

export type ArticleViewProps = {
  headline: string;
  dateline: string;
  standfirst: string;
  bodyHtml: string;
  kind: ArticleKind;
  sectionName: string;
  authorName: string;
  /** The author's public page, where there is one. */
  authorPath?: string | null;
  /** Null while the article has never been published (a preview in the desk). */
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  newspaperName: string;
  timeZone: string;
  corrections?: { id: string; kind: "correction" | "clarification"; text: string; createdAt: Date }[];
};

/** An article as readers see it; the desk's preview renders the very same component. */
export function ArticleView(props: ArticleViewProps) {
  const { headline, dateline, standfirst, bodyHtml, kind, authorName, publishedAt, updatedStampAt, timeZone } = props;
  const updated = publishedAt ? publicStamp({ publishedAt, updatedStampAt }) : null;
  return (
    <article className="article">
      <header>
        <p className="kicker">{isOpinion(kind) ? kindLabels[kind] : props.sectionName}</p>
        <h1>{headline}</h1>
        {standfirst ? <p className="standfirst">{standfirst}</p> : null}
        <p className="meta">
          {hasByline(kind) ? (
            <span className="byline">
              By {props.authorPath ? <Link href={props.authorPath}>{authorName}</Link> : authorName}
            </span>
          ) : null}
          {publishedAt ? (
            <span className="published">
              Published <time dateTime={publishedAt.toISOString()}>{formatShortDate(publishedAt, timeZone)}</time>
            </span>
          ) : (
            <span className="published">Not yet published</span>
          )}
          {updated?.kind === "updated" ? (
            <span className="updated">
              Updated <time dateTime={updated.at.toISOString()}>{formatShortDate(updated.at, timeZone)}</time>
            </span>
          ) : null}
        </p>
      </header>
      <div className="body">
        <p className="dateline">{dateline}:</p>
        {/* bodyHtml is rendered and escaped on save by lib/render/body.ts */}
        <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </div>
      {props.corrections && props.corrections.length > 0 ? (
        <section className="corrections" aria-label="Corrections">
          {props.corrections.map((correction) => (
            <p key={correction.id}>
              <strong>
                {correction.kind === "correction" ? "Correction" : "Clarification"},{" "}
                <time dateTime={correction.createdAt.toISOString()}>{formatShortDate(correction.createdAt, timeZone)}</time>:
              </strong>{" "}
              {correction.text}
            </p>
          ))}
        </section>
      ) : null}
      {publishedAt ? <p className="print-line">{printLine(props.newspaperName, publishedAt, timeZone)}</p> : null}
    </article>
  );
}
