// Two-step verification in the browser: codes computed here from the secret the page shows,
// and enrolment through the account's own security page.
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { SignInPage } from "./pages/sign-in";

/** The TOTP code of `secret` at now + offsetMs (one step is 30 s; the server takes ±1 step). */
export function totpNow(secret: string, offsetMs = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetMs,
  });
}

/** Turn on two-step verification from an enrolment page already open; returns what was shown. */
export async function enrolOnPage(
  page: Page,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page
    .getByRole("button", { name: /^(开启两步验证|Turn on two-step verification)$/ })
    .click();
  const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: /二维码|QR code/ })).toBeVisible();
  await page.getByLabel(/6 位验证码|6-digit code/).fill(totpNow(secret));
  await page.getByRole("button", { name: /^(确认开启|Turn it on)$/ }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  return { secret, recoveryCodes: await codes.allTextContents() };
}

/** Password first; the form then asks for the code, which is sent with it. */
export async function signInWithCode(
  page: Page,
  email: string,
  password: string,
  code: string,
): Promise<void> {
  await new SignInPage(page).signIn(email, password);
  await expect(page.getByRole("status")).toHaveText(/请输入两步验证的验证码|Enter the code/);
  await page.getByLabel(/验证码或恢复码|Code or recovery code/).fill(code);
  await page.getByRole("button", { name: /^(验证并登录|Verify and sign in)$/ }).click();
}
