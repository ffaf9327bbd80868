/**
 * The site's own top-level paths: the one list that says which first segments of an address are
 * not free for a section. The section rules, the reader's routes (lib/reader/routes.ts), the article
 * routing and the server's request listener all read it, and site-paths.test.ts holds it against
 * the route folders under app/, so a new top-level page cannot be forgotten here.
 *
 * The data lives in site-paths.json because next.config.js is plain JavaScript and cannot import
 * TypeScript; this module gives it types and names.
 */
import paths from "./site-paths.json";

/** The newsroom's side: the API, the desk and sign-in. The server hands these to Next untouched. */
export const deskPaths: readonly string[] = paths.groups.desk;

/** The two notices (not found, withdrawn) the server renders in place of a page; never pages of their own. */
export const noticePaths: readonly string[] = paths.groups.notices;

/** Readers' pages that are not sections (and /media, where the library's images are served). */
export const readerPagePaths: readonly string[] = paths.groups.readerPages;

/** Files at the root: feeds, sitemaps, robots.txt. */
export const filePaths: readonly string[] = paths.groups.files;

/** Every top-level path the site uses itself: no new section may take one. */
export const reservedTopLevelPaths: readonly string[] = Object.values(paths.groups).flat();

/**
 * Reader pages that are also a section (the seeded Opinion section keeps /opinion): its articles
 * live beneath it (/opinion/some-column), unlike those of any other reserved path.
 */
export const sectionPagePaths: readonly string[] = paths.sectionPages;

export function isReservedTopLevelPath(segment: string): boolean {
  return reservedTopLevelPaths.includes(segment);
}

/** First segments under which no article can live: /authors/x is a writer, /media/x an image. */
export const notArticleParents: ReadonlySet<string> = new Set(reservedTopLevelPaths.filter((path) => !sectionPagePaths.includes(path)));
