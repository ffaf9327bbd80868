import type { Metadata } from "next";
import { SectionListing, pageFromSegment, sectionMetadata } from "@/components/public/listings";

/** /<section>?page=N, rewritten here (next.config.js) so each page is cached on its own. */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, page } = await params;
  return sectionMetadata(section, pageFromSegment(page));
}

export default async function SectionPageN({ params }: Props) {
  const { section, page } = await params;
  return <SectionListing slug={section} page={pageFromSegment(page)} />;
}
