// The sign-in page (/login) as the specs use it: its two fields and its button, in either
// language, so a spec says what it does ("sign in as …") rather than which labels it fills.
import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  get email() {
    return this.page.getByLabel(/电子邮箱|E-mail/);
  }

  get password() {
    return this.page.getByLabel(/^(密码|Password)$/);
  }

  get submit() {
    return this.page.getByRole("button", { name: /^(登录|Sign in)$/ });
  }

  /** Open /login, optionally with the address to return to. */
  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(
      callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login",
    );
  }

  /** Fill both fields and press the button on the page as it is. */
  async submitWith(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Open /login and sign in; the outcome is the caller's to check. */
  async signIn(email: string, password: string): Promise<void> {
    await this.goto();
    await this.submitWith(email, password);
  }

  /** Sign in and wait for the desk. */
  async signInToDesk(email: string, password: string): Promise<void> {
    await this.signIn(email, password);
    await expect(this.page).toHaveURL(/\/desk$/);
  }
}
