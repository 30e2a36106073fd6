// The demo paper: settings, demo accounts and the seed page as a published issue.
// Idempotent: each part is created only when missing. Refuses databases outside data/.
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/passwords";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { countCharacters, docToPlainText, paragraphsToDoc } from "@/lib/text";
import { type Db, db } from "./client";
import seedPage from "./fixtures/seed-page.expected.json";
import {
  issues,
  type PageSnapshot,
  pageSignOffs,
  pages,
  placements,
  STORY_KINDS,
  settings,
  stories,
  storyRevisions,
  users,
} from "./schema";

export const DEMO_PASSWORD = "masthead-demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@masthead.local", displayName: "管理员", role: "admin" },
  { email: "editor@masthead.local", displayName: "值班编辑", role: "editor" },
  { email: "reporter@masthead.local", displayName: "边磊", role: "reporter" },
  { email: "proofreader@masthead.local", displayName: "校对员", role: "proofreader" },
  { email: "chief@masthead.local", displayName: "值班总编", role: "chief_editor" },
] as const;

export const SEED_ISSUE = { date: "2023-02-22", number: 1, pageName: "要闻" } as const;
// 05:00 in Beijing on the issue's morning.
const SEED_PUBLISHED_AT = new Date("2023-02-21T21:00:00Z");

const SeedPage = z.object({
  page: z.object({ banner: z.string().nullable() }),
  articles: z.array(
    z.object({
      kind: z.enum(STORY_KINDS),
      kicker: z.string().nullable(),
      headline: z.string(),
      subheadline: z.string().nullable(),
      byline: z.object({
        dateline: z.string().nullable(),
        agency: z.string().nullable().optional(),
        reporters: z.array(z.string()),
        correspondents: z.array(z.string()),
        photographers: z.array(z.string()),
        credit: z.string().nullable().optional(),
      }),
      paragraphs: z.array(z.string()),
    }),
  ),
});

/** Seeding writes only to the project's data/ folder or a temporary/test folder. */
export function assertSeedableDatabase(file: string): void {
  const resolved = path.resolve(file);
  const allowed = [env.dataDir, os.tmpdir(), path.resolve("e2e/.data")];
  if (!allowed.some((dir) => resolved.startsWith(dir + path.sep))) {
    throw new Error(`Refusing to seed ${resolved}: not under data/ or a test folder.`);
  }
}

export async function seedDatabase(database: Db = db(), now = new Date()): Promise<string[]> {
  assertSeedableDatabase(env.databasePath);
  const done: string[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const article = SeedPage.parse(seedPage);

  database.transaction(
    (tx) => {
      if (!tx.select({ id: settings.id }).from(settings).get()) {
        tx.insert(settings)
          .values({ id: 1, ...DEFAULT_SETTINGS, updatedAt: now })
          .run();
        done.push("settings");
      }
      for (const account of DEMO_ACCOUNTS) {
        if (tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) {
          continue;
        }
        tx.insert(users)
          .values({ ...account, passwordHash, createdAt: now, updatedAt: now })
          .run();
        done.push(account.email);
      }
      if (tx.select({ id: issues.id }).from(issues).where(eq(issues.date, SEED_ISSUE.date)).get()) {
        return;
      }
      const editor = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, "editor@masthead.local"))
        .get();
      if (!editor) return;
      const issue = tx
        .insert(issues)
        .values({
          date: SEED_ISSUE.date,
          number: SEED_ISSUE.number,
          status: "published",
          publishAt: SEED_PUBLISHED_AT,
          publishedAt: SEED_PUBLISHED_AT,
          // Published, so signed off (签发) before; by the system, as the seed is.
          signedOffAt: SEED_PUBLISHED_AT,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: issues.id })
        .get();
      const page = tx
        .insert(pages)
        .values({
          issueId: issue.id,
          number: 1,
          name: SEED_ISSUE.pageName,
          banner: article.page.banner,
          editorId: editor.id,
          status: "signed_off",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: pages.id })
        .get();
      const snapshot: PageSnapshot = {
        page: { number: 1, name: SEED_ISSUE.pageName, banner: article.page.banner },
        placements: [],
        stories: [],
      };
      article.articles.forEach((a, position) => {
        const body = paragraphsToDoc(a.paragraphs);
        const bodyText = docToPlainText(body);
        const byline = {
          ...a.byline,
          agency: a.byline.agency ?? null,
          credit: a.byline.credit ?? null,
        };
        const story = tx
          .insert(stories)
          .values({
            kind: a.kind,
            kicker: a.kicker,
            headline: a.headline,
            subheadline: a.subheadline,
            byline,
            body,
            bodyText,
            charCount: countCharacters(bodyText),
            status: "published",
            authorId: editor.id,
            createdAt: now,
            updatedAt: now,
            publishedAt: SEED_PUBLISHED_AT,
          })
          .returning({ id: stories.id, version: stories.version })
          .get();
        tx.insert(storyRevisions)
          .values({
            storyId: story.id,
            version: story.version,
            kicker: a.kicker,
            headline: a.headline,
            subheadline: a.subheadline,
            byline,
            body,
            bodyText,
            reason: "import",
            authorId: editor.id,
            createdAt: now,
          })
          .run();
        const slot = a.kind === "photo" ? "photo" : position === 0 ? "lead" : "main";
        tx.insert(placements).values({ pageId: page.id, storyId: story.id, position, slot }).run();
        snapshot.placements.push({ storyId: story.id, position, slot });
        snapshot.stories.push({
          id: story.id,
          version: story.version,
          kicker: a.kicker,
          headline: a.headline,
          subheadline: a.subheadline,
          bodyText,
        });
      });
      tx.insert(pageSignOffs)
        .values({ pageId: page.id, signedOffAt: SEED_PUBLISHED_AT, snapshot })
        .run();
      recordAudit(tx, {
        actorId: null,
        action: "issue.seed",
        subjectType: "issue",
        subjectId: issue.id,
        toState: "published",
        detail: { date: SEED_ISSUE.date, stories: article.articles.length },
        now,
      });
      done.push(`issue ${SEED_ISSUE.date}`);
    },
    { behavior: "immediate" },
  );
  return done;
}
