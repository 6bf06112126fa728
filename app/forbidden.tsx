import { ForbiddenBody } from "@/components/public/fallback-pages";

export default function Forbidden() {
  return <ForbiddenBody />;
}
