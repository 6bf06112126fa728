/**
 * The address sign-ins are throttled and audited by is the connection's (the e2e server trusts no
 * proxy: TRUSTED_PROXY_HOPS is 0), whatever X-Forwarded-For a client sends; so nobody can borrow
 * the address an admin signs in from to get past the per-account limit.
 */
import { expect, test, uniqueEmail } from "./fixtures";

test("a failed sign-in is recorded from the connection's address, not the one the client claims", async ({
  request,
  adminPage,
}) => {
  const email = uniqueEmail("claims-an-address");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": "203.0.113.66", "x-marginalia-socket-address": "203.0.113.67" },
    form: { csrfToken, email, password: "not-the-password-1234", callbackUrl: "/admin" },
    maxRedirects: 0,
  });

  await adminPage.goto(`/admin/audit?action=auth.sign_in_failed&targetId=${encodeURIComponent(email)}`);
  const row = adminPage.locator('[data-testid^="audit-row-"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/127\.0\.0\.1|::1/);
  await expect(row).not.toContainText("203.0.113.");
});
