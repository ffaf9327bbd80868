import { pageFromSegment } from "@/components/public/listings";
import { CorrectionsListing, correctionsMetadata } from "@/components/public/corrections-listing";

/** /corrections?page=N */
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props) {
  return correctionsMetadata(pageFromSegment((await params).page));
}

export default async function CorrectionsPageN({ params }: Props) {
  return <CorrectionsListing page={pageFromSegment((await params).page)} />;
}
