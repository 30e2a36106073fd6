// The layout desk (/desk/issues/<id>) as the specs use it: the page list, the chosen page's
// stories, the stories waiting for a page, and publishing.
import { expect, type Page } from "@playwright/test";

export class LayoutDesk {
  constructor(readonly page: Page) {}

  async open(issueId: number, query = ""): Promise<void> {
    await this.page.goto(`/desk/issues/${issueId}${query}`);
  }

  /** The issue's id, from the address. */
  get issueId(): number {
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  /** The list of pages (01 要闻 …). */
  get pages() {
    return this.page.getByTestId("layout-pages");
  }

  /** The issue's state (已出版, 已定时, 已撤下 …). */
  get status() {
    return this.page.getByTestId("issue-status");
  }

  get preview() {
    return this.page.getByTestId("layout-preview");
  }

  /** A story on the chosen page. */
  placed(storyId: number) {
    return this.page.getByTestId(`placed-${storyId}`);
  }

  /** An approved story waiting for a page. */
  unplaced(storyId: number) {
    return this.page.getByTestId(`unplaced-${storyId}`);
  }

  /** Add a page by name from the "add a page" form and wait for it in the list. */
  async addPage(name: string, desk?: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "添加一个版" });
    await form.getByLabel("版名").fill(name);
    if (desk) await form.getByLabel("部门").selectOption({ label: desk });
    await form.getByRole("button", { name: "添加一个版" }).click();
    await expect(this.pages).toContainText(name);
  }

  /** Place a waiting story on the chosen page in a slot, and wait for it there. */
  async place(storyId: number, slot: string): Promise<void> {
    const waiting = this.unplaced(storyId);
    await waiting.getByLabel("位置").selectOption(slot);
    await waiting.getByRole("button", { name: "放到本版" }).click();
    await expect(this.placed(storyId)).toBeVisible();
  }

  /** Change a placed story's slot. */
  async setSlot(storyId: number, slot: string): Promise<void> {
    await this.placed(storyId).getByLabel("位置").selectOption(slot);
  }

  get publishNowButton() {
    return this.page.getByRole("button", { name: "立即出版" });
  }

  async schedule(local: string): Promise<void> {
    await this.page.getByLabel(/定时出版/).fill(local);
    await this.page.getByRole("button", { name: "定时" }).click();
  }

  async unpublish(reason: string): Promise<void> {
    await this.page.getByLabel("撤下原因").fill(reason);
    await this.page.getByRole("button", { name: "撤下这一期" }).click();
  }
}
