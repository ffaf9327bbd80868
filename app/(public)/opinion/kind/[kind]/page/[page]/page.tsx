import type { Metadata } from "next";
import { OpinionListing, opinionMetadata, pageFromSegment } from "@/components/public/listings";

/** /opinion?kind=column&page=N */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ kind: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, page } = await params;
  return opinionMetadata(kind, pageFromSegment(page));
}

export default async function OpinionGroupPageN({ params }: Props) {
  const { kind, page } = await params;
  return <OpinionListing kind={kind} page={pageFromSegment(page)} />;
}
