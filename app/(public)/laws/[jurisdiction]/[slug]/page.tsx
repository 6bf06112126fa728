import type { Metadata } from "next";
import { LawPageBody, lawMetadata, unnamedLaw, type LawParams } from "./law-page";

// Blocking: the first reader of a law waits for the whole page, which is then stored.
export const ensureStatic = "navigation";

export function generateStaticParams(): LawParams[] {
  return [{ jurisdiction: unnamedLaw.jurisdiction, slug: unnamedLaw.slug }];
}

export function generateMetadata({ params }: { params: Promise<LawParams> }): Promise<Metadata> {
  return lawMetadata(params);
}

export default function LawPage({ params }: { params: Promise<LawParams> }) {
  return <LawPageBody params={params} />;
}
