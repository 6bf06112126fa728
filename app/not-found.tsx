import { NotFoundBody } from "@/components/public/fallback-pages";

export default function NotFound() {
  return <NotFoundBody />;
}
