import type { Metadata } from "next";
import { OpinionListing, opinionMetadata, pageFromSegment } from "@/components/public/listings";

/** /opinion?page=N */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return opinionMetadata(undefined, pageFromSegment((await params).page));
}

export default async function OpinionPageN({ params }: Props) {
  return <OpinionListing page={pageFromSegment((await params).page)} />;
}
