import Link from "next/link";
import { getPublicSettings, listPublicSections } from "@/lib/articles/public-queries";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [settings, sections] = await Promise.all([getPublicSettings(), listPublicSections()]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <p className="masthead-name">
          <Link href="/">{settings.newspaperName}</Link>
        </p>
        <nav aria-label="Sections">
          <ul>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/${section.slug}`}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="masthead-tools">
          <Link href="/search">Search</Link>
        </p>
      </header>
      <main id="main" className="public-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          © {settings.newspaperName} · <Link href="/corrections">Corrections</Link> · <Link href="/feed.xml">RSS</Link>
        </p>
      </footer>
    </>
  );
}
