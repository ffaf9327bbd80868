import type { Metadata } from "next";
import { AuthorListing, authorMetadata } from "@/components/public/listings";

/** A writer's page, cached; `?page=N` is rewritten to authors/<slug>/page/N (next.config.js). */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing segment={(await params).slug} page={1} />;
}
