/**
 * The paginated listing pages: a section, Opinion and its groups, a writer, a topic. Readers and
 * links use `?page=N` (and `?kind=`); each distinct address is rendered once and kept in the page
 * store (lib/reader).
 */
import { kindRules, opinionKinds, type ArticleKind } from "@/lib/articles/kinds";
import {
  getAuthor,
  getPublicSettings,
  getSection,
  getTag,
  listPublishedPage,
  type PublicPage,
} from "@/lib/articles/public-queries";
import { notFound, permanentRedirect, type ReaderPage } from "@/lib/reader/page";
import { OpinionList } from "../opinion-rail";
import { Pagination } from "../pagination";
import { StoryList } from "../story-list";

async function pageOf(...args: Parameters<typeof listPublishedPage>): Promise<PublicPage> {
  const result = await listPublishedPage(...args);
  if (args[1] > result.pages) notFound();
  return result;
}

const pageSuffix = (page: number) => (page > 1 ? ` (page ${page})` : "");
const pageQuery = (page: number) => (page > 1 ? `?page=${page}` : "");

export async function sectionPage(slug: string, page: number): Promise<ReaderPage> {
  const section = await getSection(slug);
  if (!section) notFound();
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ sectionSlug: slug }, page)]);
  return {
    head: {
      title: `${section.name}${pageSuffix(page)} | ${settings.newspaperName}`,
      description: `The latest ${section.name} stories from ${settings.newspaperName}.`,
      alternates: { canonical: `/${section.slug}${pageQuery(page)}`, types: { "application/rss+xml": `/${section.slug}/feed.xml` } },
    },
    content: (
      <section className="listing">
        <h1>{section.name}</h1>
        {result.items.length > 0 ? <StoryList items={result.items} timeZone={settings.timeZone} level={2} /> : <p>Nothing published here yet.</p>}
        <Pagination path={`/${section.slug}`} page={result.page} pages={result.pages} more={result.more} />
        <p className="hint">
          <a href={`/${section.slug}/feed.xml`}>RSS feed for {section.name}</a>
        </p>
      </section>
    ),
  };
}

const opinionGroups: { kind?: ArticleKind; label: string }[] = [
  { label: "All opinion" },
  ...opinionKinds.map((kind) => ({ kind, label: kindRules[kind].plural })),
];

const opinionHref = (kind: ArticleKind | undefined, page = 1) => {
  const query = new URLSearchParams();
  if (kind) query.set("kind", kind);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/opinion?${text}` : "/opinion";
};

/** Opinion, all groups or one (`?kind=`). */
export async function opinionPage(kind: string | undefined, page: number): Promise<ReaderPage> {
  const group = kind === undefined ? opinionGroups[0]! : opinionGroups.find((candidate) => candidate.kind === kind);
  if (!group) notFound();
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ kinds: group.kind ? [group.kind] : [...opinionKinds] }, page)]);
  return {
    head: {
      title: `${group.kind ? group.label : "Opinion"}${pageSuffix(page)} | ${settings.newspaperName}`,
      description: `Editorials, columns, op-eds and letters from ${settings.newspaperName}.`,
      alternates: { canonical: opinionHref(group.kind, page) },
    },
    content: (
      <section className="listing">
        <h1>Opinion</h1>
        <nav aria-label="Opinion groups">
          <ul className="group-links">
            {opinionGroups.map((candidate) => (
              <li key={candidate.label}>
                <a href={opinionHref(candidate.kind)} aria-current={candidate === group ? "page" : undefined}>
                  {candidate.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {result.items.length > 0 ? (
          <OpinionList items={result.items} timeZone={settings.timeZone} showKind level={2} />
        ) : (
          <p>Nothing published here yet.</p>
        )}
        <Pagination path="/opinion" page={result.page} pages={result.pages} params={{ kind: group.kind }} more={result.more} />
      </section>
    ),
  };
}

/** A writer's page: who they are and the published pieces they signed, newest first. */
export async function authorPage(segment: string, page: number): Promise<ReaderPage> {
  const author = await getAuthor(segment);
  if (!author) notFound();
  if (author.path !== `/authors/${segment}`) permanentRedirect(`${author.path}${pageQuery(page)}`);
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ author: { id: author.id, segment } }, page)]);
  return {
    head: {
      title: `${author.name}${pageSuffix(page)} | ${settings.newspaperName}`,
      description: author.bio ?? `Articles by ${author.name} in ${settings.newspaperName}.`,
      alternates: { canonical: `${author.path}${pageQuery(page)}` },
      openGraph: { type: "profile", title: author.name, url: author.path, siteName: settings.newspaperName },
    },
    content: (
      <section className="listing">
        <h1>{author.name}</h1>
        {author.bio ? <p className="author-bio">{author.bio}</p> : null}
        <h2 className="visually-hidden">Articles</h2>
        <StoryList items={result.items} timeZone={settings.timeZone} level={3} />
        <Pagination path={author.path} page={result.page} pages={result.pages} more={result.more} />
      </section>
    ),
  };
}

/** A topic's page: every published story carrying the tag, newest first. */
export async function tagPage(slug: string, page: number): Promise<ReaderPage> {
  const tag = await getTag(slug);
  if (!tag) notFound();
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ tagSlug: slug }, page)]);
  return {
    head: {
      title: `${tag.name}${pageSuffix(page)} | ${settings.newspaperName}`,
      description: `Stories about ${tag.name} from ${settings.newspaperName}.`,
      alternates: { canonical: `${tag.path}${pageQuery(page)}`, types: { "application/rss+xml": `${tag.path}/feed.xml` } },
    },
    content: (
      <section className="listing">
        <p className="kicker">Topic</p>
        <h1>{tag.name}</h1>
        <StoryList items={result.items} timeZone={settings.timeZone} level={2} />
        <Pagination path={tag.path} page={result.page} pages={result.pages} more={result.more} />
        <p className="hint">
          <a href={`${tag.path}/feed.xml`}>RSS feed for {tag.name}</a>
        </p>
      </section>
    ),
  };
}
