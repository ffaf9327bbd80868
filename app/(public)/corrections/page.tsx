import { CorrectionsListing, correctionsMetadata } from "@/components/public/corrections-listing";

// Served from the cache; a republication with a correction refreshes it (lib/public-cache).
export const revalidate = 3600;

export function generateMetadata() {
  return correctionsMetadata(1);
}

export default function CorrectionsPage() {
  return <CorrectionsListing page={1} />;
}
