import type { Metadata } from "next";
import { AuthorListing, authorMetadata, pageFromSegment } from "@/components/public/listings";

/** /authors/<slug>?page=N */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return authorMetadata(slug, pageFromSegment(page));
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, page } = await params;
  return <AuthorListing segment={slug} page={pageFromSegment(page)} />;
}
