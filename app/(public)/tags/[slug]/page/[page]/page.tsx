import type { Metadata } from "next";
import { TagListing, pageFromSegment, tagMetadata } from "@/components/public/listings";

/** /tags/<slug>?page=N */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return tagMetadata(slug, pageFromSegment(page));
}

export default async function TagPageN({ params }: Props) {
  const { slug, page } = await params;
  return <TagListing slug={slug} page={pageFromSegment(page)} />;
}
