import { NotFoundNotice } from "@/components/public/not-found-notice";

/** An address outside the newspaper's pages. */
export default function NotFound() {
  return (
    <main id="main" className="public-main not-found">
      <NotFoundNotice />
    </main>
  );
}
