// The story editor (/desk/stories/<id>) as the specs use it: the Tiptap body, the fields, the
// save state and the workflow buttons. The one place that knows the body is `.ProseMirror`.
import { expect, type Page } from "@playwright/test";

export class StoryEditor {
  constructor(readonly page: Page) {}

  /** The editable body (Tiptap's ProseMirror element). */
  get body() {
    return this.page.locator(".ProseMirror");
  }

  /** The autosave's state: `data-state` is saved, dirty, saving, offline, conflict or error. */
  get saveState() {
    return this.page.getByTestId("save-state");
  }

  /** A field above the body by its exact label (引题, 主题（标题）, 记者 …). */
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A workflow step's button (提交审稿, 通过初审, 退回修改 …). */
  step(name: string) {
    return this.page.getByRole("button", { name });
  }

  /** The story's id, from the address. */
  get storyId(): number {
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async open(storyId: number): Promise<void> {
    await this.page.goto(`/desk/stories/${storyId}`);
    await expect(this.body).toBeVisible();
  }

  /** Create a story from /desk/stories/new and land in its editor; returns its id. */
  async create(headline = ""): Promise<number> {
    await this.page.goto("/desk/stories/new");
    await this.page.getByLabel("主题（标题）").fill(headline);
    await this.page.getByRole("button", { name: "创建并开始写稿" }).click();
    await expect(this.page).toHaveURL(/\/desk\/stories\/\d+$/);
    await expect(this.body).toBeVisible();
    return this.storyId;
  }

  /** Type at the caret's place in the body (clicking into it first). */
  async type(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.insertText(text);
  }

  /** Type at the end of the body. */
  async append(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.insertText(text);
  }

  /** Replace the whole body with `text`. */
  async replaceBody(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press("Control+a");
    await this.page.keyboard.insertText(text);
  }

  /** Wait until the server has confirmed the latest text. */
  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  }
}
