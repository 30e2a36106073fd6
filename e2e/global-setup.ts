// One saved sign-in per demo role, reused by the specs that only need to be that role; and the
// reader spec's issues, written before anything is cached.
import fs from "node:fs";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import {
  DEMO,
  DEMO_PASSWORD,
  type DemoRole,
  signInAndWait,
  storageStateOf,
  testDb,
} from "./fixtures";
import { addReaderIssues } from "./reader-fixture";

export default async function globalSetup(config: FullConfig): Promise<void> {
  const project = config.projects[0];
  if (!project) throw new Error("no Playwright project");
  const { baseURL, launchOptions } = project.use;
  const db = testDb();
  try {
    addReaderIssues(db); // before any public page is requested and cached
  } finally {
    db.close();
  }
  const browser = await chromium.launch(launchOptions);
  try {
    for (const role of Object.keys(DEMO) as DemoRole[]) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signInAndWait(page, DEMO[role], DEMO_PASSWORD);
      fs.mkdirSync(path.dirname(storageStateOf(role)), { recursive: true });
      await context.storageState({ path: storageStateOf(role) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
