import type { Metadata } from "next";
import Link from "next/link";
import { requireDeskUser } from "@/lib/auth/session";
import { listLibrary } from "@/lib/media/queries";
import { mediaQuerySchema } from "@/lib/media/schemas";
import { getSettings } from "@/lib/settings";
import { DeskPager } from "@/components/desk/article-views";
import { MediaCard } from "@/components/desk/media-card";
import { MediaUploadForm } from "@/components/desk/media-upload-form";

export const metadata: Metadata = { title: "Media library | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The shared image library: upload, search, and edit what each image says about itself. */
export default async function MediaLibraryPage({ searchParams }: Props) {
  const [params, user] = await Promise.all([searchParams, requireDeskUser()]);
  const query = mediaQuerySchema.parse(params);
  const [{ items, window }, { timeZone }] = await Promise.all([listLibrary(user, query), getSettings()]);
  return (
    <>
      <div className="page-heading">
        <h1>Media library</h1>
      </div>
      <section aria-labelledby="media-upload-heading" className="media-upload">
        <h2 id="media-upload-heading">Upload an image</h2>
        <MediaUploadForm />
      </section>
      <section aria-labelledby="media-images-heading">
        <h2 id="media-images-heading">Images</h2>
        <form className="view-filters media-search" method="get" action="/desk/media" role="search" aria-label="Search the library">
          <div className="field">
            <label htmlFor="media-q">Search alt text, captions, credits and file names</label>
            <input id="media-q" type="search" name="q" defaultValue={query.q} maxLength={200} />
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              Search
            </button>
            {query.q ? <Link href="/desk/media">Clear</Link> : null}
          </div>
        </form>
        {items.length === 0 ? (
          <p className="empty">{query.q ? `No images match “${query.q}”.` : "The library is empty. Upload the first image above."}</p>
        ) : (
          <ul className="media-grid">
            {items.map((image) => (
              <li key={image.id}>
                <MediaCard image={image} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        )}
        <DeskPager window={window} hrefFor={(page) => mediaHref(query.q, page)} />
      </section>
    </>
  );
}

function mediaHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/desk/media?${search}` : "/desk/media";
}

