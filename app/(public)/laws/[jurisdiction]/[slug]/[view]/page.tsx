import type { Metadata } from "next";
import { LawPageBody, lawMetadata, unnamedLaw, type LawParams } from "../law-page";

// A law's page at a cited version or with a chosen text: proxy.ts rewrites ?version=&text= here.
export const ensureStatic = "navigation";

export function generateStaticParams(): Required<LawParams>[] {
  return [unnamedLaw];
}

export function generateMetadata({ params }: { params: Promise<LawParams> }): Promise<Metadata> {
  return lawMetadata(params);
}

export default function LawViewPage({ params }: { params: Promise<LawParams> }) {
  return <LawPageBody params={params} />;
}
