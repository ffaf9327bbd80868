import type { Metadata } from "next";
import { OpinionListing, opinionMetadata } from "@/components/public/listings";

/** /opinion?kind=column */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ kind: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return opinionMetadata((await params).kind, 1);
}

export default async function OpinionGroupPage({ params }: Props) {
  return <OpinionListing kind={(await params).kind} page={1} />;
}
