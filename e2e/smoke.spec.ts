import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./fixtures";

test("admin signs in", async ({ page }) => {
  await signInAsAdmin(page);
  await expect(page.getByTestId("current-user")).toHaveText("Administrator");
});
