import { printLine, publicStamp } from "@/lib/articles/dates";
import { formatShortDate } from "@/lib/time/format";
import { hasByline, isOpinion, kindLabels, printedDateline, type ArticleKind } from "@/lib/articles/kinds";
import type { BylineAuthor } from "@/lib/articles/bylines";
import type { PublicImage, PublicTag } from "@/lib/articles/public-records";
import { FeaturedImage } from "./featured-image";

export type ArticleViewProps = {
  headline: string;
  dateline: string;
  standfirst: string;
  bodyHtml: string;
  kind: ArticleKind;
  sectionName: string;
  /** The desk's preview names the article's owner; readers' pages pass `authors` instead. */
  authorName?: string;
  /** The author's public page, where there is one. */
  authorPath?: string | null;
  /** The byline in print order, each name linked to the writer's page. */
  authors?: BylineAuthor[];
  image?: PublicImage | null;
  tags?: PublicTag[];
  /** An op-ed writer's line, printed at the foot ("The writer is …"). */
  writerBio?: string;
  /** Null while the article has never been published (a preview in the desk). */
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  newspaperName: string;
  timeZone: string;
  corrections?: { id: string; kind: "correction" | "clarification"; text: string; createdAt: Date }[];
};

/** An article as readers see it; the desk's preview renders the very same component. */
export function ArticleView(props: ArticleViewProps) {
  const { headline, dateline, standfirst, bodyHtml, kind, publishedAt, updatedStampAt, timeZone } = props;
  const authors = props.authors ?? (props.authorName ? [{ name: props.authorName, path: props.authorPath ?? null }] : []);
  const updated = publishedAt ? publicStamp({ publishedAt, updatedStampAt }) : null;
  // No lone colon, and none on an editorial or a letter (lib/articles/kinds.ts).
  const printed = printedDateline(kind, dateline);
  return (
    <article className="article">
      <header>
        <p className="kicker">{isOpinion(kind) ? kindLabels[kind] : props.sectionName}</p>
        <h1>{headline}</h1>
        {standfirst ? <p className="standfirst">{standfirst}</p> : null}
        <p className="meta">
          {hasByline(kind) && authors.length > 0 ? <Byline authors={authors} /> : null}
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
      {props.image ? <FeaturedImage image={props.image} /> : null}
      <div className="body">
        {printed ? <p className="dateline">{printed}:</p> : null}
        {/* bodyHtml is rendered and escaped on save by lib/render/body.ts */}
        <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </div>
      {props.writerBio ? <p className="writer-bio">{props.writerBio}</p> : null}
      {props.tags && props.tags.length > 0 ? (
        <nav className="topics" aria-labelledby="topics-heading">
          <h2 id="topics-heading">Topics</h2>
          <ul>
            {props.tags.map((tag) => (
              <li key={tag.slug}>
                <a href={tag.path}>{tag.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
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

/** "By Ana Ruiz and Tom Lee", each name linked to the writer's page where there is one. */
function Byline({ authors }: { authors: { name: string; path: string | null }[] }) {
  return (
    <span className="byline">
      By{" "}
      {authors.map((author, index) => (
        <span key={`${author.name}-${index}`}>
          {index === 0 ? null : index === authors.length - 1 ? " and " : ", "}
          {author.path ? <a href={author.path}>{author.name}</a> : author.name}
        </span>
      ))}
    </span>
  );
}
