import type { Metadata } from "next";
import { siteUrl } from "@/lib/site-url";
import "@/components/public/reader-font.css";
import "@/components/public/reader.css";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Newsdesk", template: "%s" },
  // Files in public/ (scripts/make-icons.ts makes the ICO from the SVG): the SVG where a browser
  // takes one (it follows the dark scheme), the ICO for the rest and for /favicon.ico itself.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml", sizes: "any" },
    ],
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
