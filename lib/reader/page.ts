/**
 * What a reader page is, to the renderer (render.tsx): its <head> facts, its content and its
 * status. Page modules (components/public/pages/) build one from the public data layer; they may
 * also end the request early with `notFound()` or `permanentRedirect()`, as Next's pages did.
 */
import type { ReactElement } from "react";

/** The head facts a page declares; render.tsx turns them into tags (URLs made absolute there). */
export type PageHead = {
  title: string;
  description?: string;
  /** Writers of the piece: `<meta name="author">` and `<link rel="author">`. */
  authors?: { name: string; url?: string | null }[];
  keywords?: string[];
  alternates?: { canonical?: string; types?: { "application/rss+xml"?: string } };
  /** Search and notices say so: no search engine should keep them. */
  robots?: { index: false };
  openGraph?: {
    type: "website" | "article" | "profile";
    title: string;
    description?: string;
    url?: string;
    siteName?: string;
    publishedTime?: string;
    modifiedTime?: string;
    section?: string;
    authors?: string[];
    tags?: string[];
    images?: { url: string; width?: number; height?: number; alt?: string }[];
  };
  twitter?: { card: "summary" | "summary_large_image"; title: string; description?: string; images?: { url: string; alt?: string }[] };
  /** Structured data, already serialised for a <script type="application/ld+json"> (jsonForScript). */
  jsonLd?: string;
};

export type ReaderPage = {
  head: PageHead;
  content: ReactElement;
  /** 200 unless the page is a notice (404, 410, 400). */
  status?: number;
};

/**
 * A feed: finished text of its own type, stored and answered like a page. `keptForMs`: how long
 * the stored copy may serve when what it shows moves with the clock, not only with changes.
 */
export type ReaderFeed = { contentType: string; body: string; keptForMs?: number };

/** Thrown by a page that does not exist (an unknown section, a page past the last). */
export class PageNotFound extends Error {
  constructor() {
    super("Page not found");
  }
}

/** Thrown by a page whose canonical address is another one. */
export class PageMoved extends Error {
  constructor(readonly to: string) {
    super(`Moved to ${to}`);
  }
}

export function notFound(): never {
  throw new PageNotFound();
}

export function permanentRedirect(to: string): never {
  throw new PageMoved(to);
}
