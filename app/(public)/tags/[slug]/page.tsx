import type { Metadata } from "next";
import { TagListing, tagMetadata } from "@/components/public/listings";

/** A topic's page, cached; `?page=N` is rewritten to tags/<slug>/page/N (next.config.js). */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />;
}
