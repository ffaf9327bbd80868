import type { PageHead } from "@/lib/reader/page";
import { absoluteUrl } from "@/lib/articles/seo";

type Props = {
  head: PageHead;
  baseUrl: string;
  /** The reader's stylesheet, inline: a first visit costs no extra request. */
  css: string;
  newspaperName: string;
  sections: { slug: string; name: string }[];
  children: React.ReactNode;
};

/** A reader page from <html> to </html>: the head's facts as tags, the masthead, the page and the footer. */
export function ReaderDocument({ head, baseUrl, css, newspaperName, sections, children }: Props) {
  const url = (path: string) => absoluteUrl(baseUrl, path);
  const { openGraph: og, twitter } = head;
  const feed = head.alternates?.types?.["application/rss+xml"];
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- not a Next page: rendered to static HTML by our own server (docs/decisions/023) */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.authors?.map((author) => (
          <meta key={author.name} name="author" content={author.name} />
        ))}
        {head.keywords?.length ? <meta name="keywords" content={head.keywords.join(",")} /> : null}
        {head.robots ? <meta name="robots" content="noindex" /> : null}
        {head.alternates?.canonical ? <link rel="canonical" href={url(head.alternates.canonical)} /> : null}
        {feed ? <link rel="alternate" type="application/rss+xml" href={url(feed)} /> : null}
        {og ? (
          <>
            <meta property="og:title" content={og.title} />
            {og.description ? <meta property="og:description" content={og.description} /> : null}
            {og.url ? <meta property="og:url" content={url(og.url)} /> : null}
            {og.siteName ? <meta property="og:site_name" content={og.siteName} /> : null}
            {og.images?.map((image) => (
              <OpenGraphImage key={image.url} {...image} />
            ))}
            <meta property="og:type" content={og.type} />
            {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
            {og.modifiedTime ? <meta property="article:modified_time" content={og.modifiedTime} /> : null}
            {og.section ? <meta property="article:section" content={og.section} /> : null}
            {og.authors?.map((author) => (
              <meta key={author} property="article:author" content={author} />
            ))}
            {og.tags?.map((tag) => (
              <meta key={tag} property="article:tag" content={tag} />
            ))}
          </>
        ) : null}
        {twitter ? (
          <>
            <meta name="twitter:card" content={twitter.card} />
            <meta name="twitter:title" content={twitter.title} />
            {twitter.description ? <meta name="twitter:description" content={twitter.description} /> : null}
            {twitter.images?.map((image) => (
              <meta key={image.url} name="twitter:image" content={image.url} />
            ))}
          </>
        ) : null}
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: css }} />
        {head.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: head.jsonLd }} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="masthead">
          <p className="masthead-name">
            <a href="/">{newspaperName}</a>
          </p>
          <nav aria-label="Sections">
            <ul>
              {sections.map((section) => (
                <li key={section.slug}>
                  <a href={`/${section.slug}`}>{section.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="masthead-tools">
            <a href="/search">Search</a>
          </p>
        </header>
        <main id="main" className="public-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            © {newspaperName} · <a href="/corrections">Corrections</a> · <a href="/feed.xml">RSS</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function OpenGraphImage({ url, width, height, alt }: { url: string; width?: number; height?: number; alt?: string }) {
  return (
    <>
      <meta property="og:image" content={url} />
      {width ? <meta property="og:image:width" content={String(width)} /> : null}
      {height ? <meta property="og:image:height" content={String(height)} /> : null}
      {alt ? <meta property="og:image:alt" content={alt} /> : null}
    </>
  );
}
