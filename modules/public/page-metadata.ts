import type { Metadata } from "next";
import { siteMetadataBase } from "./site";
import { pageAlternates } from "./syndication";

/** The metadata of an address where nothing is published (yet, or any more): a plain title, kept out of indexes. */
export function unpublishedMetadata(title: string): Metadata {
  return { title, robots: { index: false } };
}

/** A published item's metadata: its title and description, canonical address and feed, and its Open Graph card. */
export function publishedMetadata(item: {
  title: string;
  description: string;
  path: string;
  type: "article" | "profile";
}): Metadata {
  const { title, description, path, type } = item;
  return {
    metadataBase: siteMetadataBase(),
    title,
    description,
    alternates: pageAlternates(path),
    openGraph: { type, title, description, url: path, siteName: "Marginalia" },
  };
}
