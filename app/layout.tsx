import type { Metadata } from "next";
import { feedPath } from "@/modules/public/syndication";
import { fontVariables } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "An archive of laws and of the news and commentary written about them.",
  // Pages that set alternates of their own (a canonical address) repeat this through pageAlternates.
  alternates: {
    types: { "application/atom+xml": [{ url: feedPath(), title: "Marginalia: laws and what is written about them" }] },
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={fontVariables}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:bg-surface focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
