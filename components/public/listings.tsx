/**
 * The paginated listing pages (a section, Opinion and its groups, a writer, a tag), shared by each
 * page's first-page route and its `/page/<n>` twin. Readers and links use `?page=N` (and
 * `?kind=`); next.config.js rewrites those to the path routes, so every page is cached on its own
 * like any other page instead of being rendered per request (a page that reads searchParams can't
 * be).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { kindRules, opinionKinds, type ArticleKind } from "@/lib/articles/kinds";
import {
  getAuthor,
  getPublicSettings,
  getSection,
  getTag,
  listPublishedPage,
  type PublicPage,
} from "@/lib/articles/public-queries";
import { OpinionList } from "./opinion-rail";
import { Pagination } from "./pagination";
import { StoryList } from "./story-list";

/** The page number of a `/page/<n>` route; anything but 1–9999 is not a page. */
export function pageFromSegment(segment: string | undefined): number {
  if (segment === undefined) return 1;
  if (!/^[1-9]\d{0,3}$/.test(segment)) notFound();
  return Number(segment);
}

async function pageOf(...args: Parameters<typeof listPublishedPage>): Promise<PublicPage> {
  const result = await listPublishedPage(...args);
  if (args[1] > result.pages) notFound();
  return result;
}

const pageSuffix = (page: number) => (page > 1 ? ` (page ${page})` : "");
const pageQuery = (page: number) => (page > 1 ? `?page=${page}` : "");

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const [settings, section] = await Promise.all([getPublicSettings(), getSection(slug)]);
  if (!section) return { title: settings.newspaperName };
  return {
    title: `${section.name}${pageSuffix(page)} | ${settings.newspaperName}`,
    description: `The latest ${section.name} stories from ${settings.newspaperName}.`,
    alternates: { canonical: `/${section.slug}${pageQuery(page)}`, types: { "application/rss+xml": `/${section.slug}/feed.xml` } },
  };
}

export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const section = await getSection(slug);
  if (!section) notFound();
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ sectionSlug: slug }, page)]);
  return (
    <section className="listing">
      <h1>{section.name}</h1>
      {result.items.length > 0 ? <StoryList items={result.items} timeZone={settings.timeZone} /> : <p>Nothing published here yet.</p>}
      <Pagination path={`/${section.slug}`} page={result.page} pages={result.pages} />
      <p className="hint">
        <Link href={`/${section.slug}/feed.xml`}>RSS feed for {section.name}</Link>
      </p>
    </section>
  );
}

const opinionGroups: { kind?: ArticleKind; label: string }[] = [
  { label: "All opinion" },
  ...opinionKinds.map((kind) => ({ kind, label: kindRules[kind].plural })),
];

function opinionGroup(kind: string | undefined) {
  if (kind === undefined) return opinionGroups[0]!;
  const group = opinionGroups.find((candidate) => candidate.kind === kind);
  if (!group) notFound();
  return group;
}

const opinionHref = (kind: ArticleKind | undefined, page = 1) => {
  const query = new URLSearchParams();
  if (kind) query.set("kind", kind);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/opinion?${text}` : "/opinion";
};

export async function opinionMetadata(kind: string | undefined, page: number): Promise<Metadata> {
  const { newspaperName } = await getPublicSettings();
  const group = opinionGroups.find((candidate) => candidate.kind === kind);
  return {
    title: `${group?.kind ? group.label : "Opinion"}${pageSuffix(page)} | ${newspaperName}`,
    description: `Editorials, columns, op-eds and letters from ${newspaperName}.`,
    alternates: { canonical: opinionHref(group?.kind, page) },
  };
}

export async function OpinionListing({ kind, page }: { kind?: string; page: number }) {
  const group = opinionGroup(kind);
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ kinds: group.kind ? [group.kind] : [...opinionKinds] }, page)]);
  return (
    <section className="listing">
      <h1>Opinion</h1>
      <nav aria-label="Opinion groups">
        <ul className="group-links">
          {opinionGroups.map((candidate) => (
            <li key={candidate.label}>
              {/* A plain link: "?kind=" addresses are rewritten on the server (next.config.js), which the client router does not do. */}
              <a href={opinionHref(candidate.kind)} aria-current={candidate === group ? "page" : undefined}>
                {candidate.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {result.items.length > 0 ? (
        <OpinionList items={result.items} timeZone={settings.timeZone} showKind />
      ) : (
        <p>Nothing published here yet.</p>
      )}
      <Pagination path="/opinion" page={result.page} pages={result.pages} params={{ kind: group.kind }} />
    </section>
  );
}

export async function authorMetadata(segment: string, page: number): Promise<Metadata> {
  const [settings, author] = await Promise.all([getPublicSettings(), getAuthor(segment)]);
  if (!author) return { title: settings.newspaperName };
  return {
    title: `${author.name}${pageSuffix(page)} | ${settings.newspaperName}`,
    description: author.bio ?? `Articles by ${author.name} in ${settings.newspaperName}.`,
    alternates: { canonical: `${author.path}${pageQuery(page)}` },
    openGraph: { type: "profile", title: author.name, url: author.path, siteName: settings.newspaperName },
  };
}

/** A writer's page: who they are and the published pieces they signed, newest first. */
export async function AuthorListing({ segment, page }: { segment: string; page: number }) {
  const author = await getAuthor(segment);
  if (!author) notFound();
  if (author.path !== `/authors/${segment}`) permanentRedirect(`${author.path}${pageQuery(page)}`);
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ author: { id: author.id, segment } }, page)]);
  return (
    <section className="listing">
      <h1>{author.name}</h1>
      {author.bio ? <p className="author-bio">{author.bio}</p> : null}
      <h2 className="visually-hidden">Articles</h2>
      <StoryList items={result.items} timeZone={settings.timeZone} />
      <Pagination path={author.path} page={result.page} pages={result.pages} />
    </section>
  );
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const [settings, tag] = await Promise.all([getPublicSettings(), getTag(slug)]);
  if (!tag) return { title: settings.newspaperName };
  return {
    title: `${tag.name}${pageSuffix(page)} | ${settings.newspaperName}`,
    description: `Stories about ${tag.name} from ${settings.newspaperName}.`,
    alternates: { canonical: `${tag.path}${pageQuery(page)}`, types: { "application/rss+xml": `${tag.path}/feed.xml` } },
  };
}

/** A topic's page: every published story carrying the tag, newest first. */
export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const tag = await getTag(slug);
  if (!tag) notFound();
  const [settings, result] = await Promise.all([getPublicSettings(), pageOf({ tagSlug: slug }, page)]);
  return (
    <section className="listing">
      <p className="kicker">Topic</p>
      <h1>{tag.name}</h1>
      <StoryList items={result.items} timeZone={settings.timeZone} />
      <Pagination path={tag.path} page={result.page} pages={result.pages} />
      <p className="hint">
        <Link href={`${tag.path}/feed.xml`}>RSS feed for {tag.name}</Link>
      </p>
    </section>
  );
}
