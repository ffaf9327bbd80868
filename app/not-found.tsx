import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="public-main not-found">
      <h1>Page not found</h1>
      <p>The page you asked for is not here. It may have moved, or it was never published.</p>
      <p>
        <Link href="/">Go to the front page</Link> · <Link href="/search">Search the paper</Link>
      </p>
    </main>
  );
}
