import { NotFoundNotice } from "@/components/public/not-found-notice";

/**
 * A section, writer, topic or listing page that does not exist, with the masthead above. (An
 * article address that is not a live article never gets here: the proxy answers it with
 * /missing, or 410 for a withdrawn one.) Addresses outside the newspaper get app/not-found.tsx.
 */
export default function NotFound() {
  return (
    <section className="not-found">
      <NotFoundNotice />
    </section>
  );
}
