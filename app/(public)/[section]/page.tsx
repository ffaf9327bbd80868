import type { Metadata } from "next";
import { SectionListing, sectionMetadata } from "@/components/public/listings";

// Served from the cache; publishing refreshes it (lib/public-cache). The hour is a safety net.
export const revalidate = 3600;

/** None at build time: each section is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata((await params).section, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).section} page={1} />;
}
