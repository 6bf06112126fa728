import { PageLoading } from "@/components/ui/loading";

export default function SearchLoading() {
  return <PageLoading label="Searching…" />;
}
