import type { Metadata } from "next";
import { siteUrl } from "@/lib/site-url";
import { serif } from "./fonts";
import "@/components/public/reader.css";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Newsdesk", template: "%s" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={serif.variable}>
      <body>{children}</body>
    </html>
  );
}
