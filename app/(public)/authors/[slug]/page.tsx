import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getAuthor, listPublishedPage } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { Pagination, pageNumber } from "@/components/public/pagination";
import { StoryList } from "@/components/public/story-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, settings] = await Promise.all([params, getSettings()]);
  const author = await getAuthor(slug);
  if (!author) return { title: settings.newspaperName };
  return {
    title: `${author.name} | ${settings.newspaperName}`,
    description: author.bio ?? `Articles by ${author.name} in ${settings.newspaperName}.`,
    alternates: { canonical: author.path },
    openGraph: { type: "profile", title: author.name, url: author.path, siteName: settings.newspaperName },
  };
}

/** An author's page: who they are and their published, signed pieces, newest first. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const author = await getAuthor(slug);
  if (!author) notFound();
  if (author.path !== `/authors/${slug}`) permanentRedirect(author.path);
  const page = pageNumber(pageParam);
  const [settings, result] = await Promise.all([getSettings(), listPublishedPage({ page, authorId: author.id })]);
  if (page > result.pages) notFound();
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
