import { UnauthorizedBody } from "@/components/public/fallback-pages";

// Nothing calls unauthorized() (the proxy sends visitors without a session to sign in); without
// this file Next writes its own default page, with inline styles, into every page's payload.
export default function Unauthorized() {
  return <UnauthorizedBody />;
}
