// The demo paper: settings, demo accounts and the seed page as a published issue.
// Idempotent: each part is created only when missing. Refuses databases outside data/, and
// refuses altogether when MASTHEAD_MODE is production.
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { STORY_KINDS } from "@/lib/domain/story";
import { env } from "@/lib/env";
import { insertIssue } from "@/lib/issue-rows";
import { DEMO_PASSWORD } from "@/lib/password-policy";
import { hashPassword } from "@/lib/passwords";
import type { Role } from "@/lib/permissions";
import { publishIssueInTx } from "@/lib/publish-rows";
import { DEFAULT_SETTINGS, getFullSettings } from "@/lib/settings";
import { signOffIssueInTx, signOffPageInTx } from "@/lib/sign-off-rows";
import { insertStory, prepareBody } from "@/lib/story-rows";
import { paragraphsToDoc } from "@/lib/text";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import { storyContext, storyState } from "@/lib/workflow/context";
import { decideStory } from "@/lib/workflow/story";
import { type Db, db, type Tx } from "./client";
import seedPage from "./fixtures/seed-page.expected.json";
import {
  deskMembers,
  desks,
  issues,
  pages,
  placements,
  proofRounds,
  settings,
  users,
} from "./schema";

export const DEMO_ACCOUNTS = [
  { email: "admin@masthead.local", displayName: "管理员", role: "admin" },
  { email: "editor@masthead.local", displayName: "值班编辑", role: "editor" },
  { email: "reporter@masthead.local", displayName: "边磊", role: "reporter" },
  { email: "deskhead@masthead.local", displayName: "部门主任", role: "desk_head" },
  { email: "chief@masthead.local", displayName: "值班总编", role: "chief_editor" },
  { email: "proofreader@masthead.local", displayName: "校对员", role: "proofreader" },
] as const;

/** The demo desks, and who works where: the try-out's story goes through 要闻部's three levels. */
export const DEMO_DESKS = ["要闻部", "经济部", "摄影部"] as const;
const DEMO_MEMBERS = [
  { desk: "要闻部", email: "reporter@masthead.local", role: "reporter" },
  { desk: "要闻部", email: "editor@masthead.local", role: "editor" },
  { desk: "要闻部", email: "deskhead@masthead.local", role: "desk_head" },
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

function seedDesks(tx: Tx, now: Date, done: string[]): void {
  for (const name of DEMO_DESKS) {
    if (tx.select({ id: desks.id }).from(desks).where(eq(desks.name, name)).get()) continue;
    tx.insert(desks).values({ name, createdAt: now, updatedAt: now }).run();
    done.push(`desk ${name}`);
  }
  for (const member of DEMO_MEMBERS) {
    const desk = tx.select({ id: desks.id }).from(desks).where(eq(desks.name, member.desk)).get();
    const user = tx.select({ id: users.id }).from(users).where(eq(users.email, member.email)).get();
    if (!desk || !user) continue;
    tx.insert(deskMembers)
      .values({ deskId: desk.id, userId: user.id, role: member.role, createdAt: now })
      .onConflictDoNothing()
      .run();
  }
}

export async function seedDatabase(database: Db = db(), now = new Date()): Promise<string[]> {
  if (env.mode === "production") {
    throw new Error("Refusing to seed the demo paper: MASTHEAD_MODE is production.");
  }
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
      seedDesks(tx, now, done);
      if (tx.select({ id: issues.id }).from(issues).where(eq(issues.date, SEED_ISSUE.date)).get()) {
        return;
      }
      const editor = tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(eq(users.email, "editor@masthead.local"))
        .get();
      const chief = tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(eq(users.email, "chief@masthead.local"))
        .get();
      if (!editor || !chief) return;
      const desk = tx.select({ id: desks.id }).from(desks).where(eq(desks.name, "要闻部")).get();
      const issue = insertIssue(tx, SEED_ISSUE, null, now, { via: "seed" });
      const page = tx
        .insert(pages)
        .values({
          issueId: issue.id,
          number: 1,
          name: SEED_ISSUE.pageName,
          banner: article.page.banner,
          deskId: desk?.id ?? null,
          editorId: editor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: pages.id })
        .get();
      // The printed page was reviewed before it was printed: its stories come in ready for
      // layout, as the importer brings them, and go live with the issue, through the engine.
      const ctx = storyContext(tx, editor, "import");
      article.articles.forEach((a, position) => {
        const byline = {
          ...a.byline,
          agency: a.byline.agency ?? null,
          credit: a.byline.credit ?? null,
        };
        const text = { ...a, byline, ...prepareBody(paragraphsToDoc(a.paragraphs)) };
        const { paragraphs: _paragraphs, ...fields } = text;
        const story = insertStory(tx, fields, {
          authorId: editor.id,
          deskId: desk?.id ?? null,
          reason: "import",
          now,
        });
        const decision = allowed(decideStory(ctx, storyState(tx, story), "admit"));
        applyTransition(tx, { kind: "story", row: story }, decision, editor, now);
        tx.insert(placements)
          .values({
            pageId: page.id,
            storyId: story.id,
            position,
            slot: a.kind === "photo" ? "photo" : position === 0 ? "lead" : "main",
          })
          .run();
      });
      // Proofread (三校 by the demo proofreader) and signed off (签发) by the demo duty editor
      // before it went out, as nothing is published that is not.
      signOffDemoIssue(tx, issue.id, chief, SEED_PUBLISHED_AT);
      const signed = tx.select().from(issues).where(eq(issues.id, issue.id)).get() ?? issue;
      // Published at 05:00 Beijing time on the issue's morning, by the demo duty editor.
      publishIssueInTx(tx, signed, chief, SEED_PUBLISHED_AT);
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

/** Every round of every page of the demo issue completed, each page and the issue signed off. */
function signOffDemoIssue(
  tx: Tx,
  issueId: number,
  chief: { id: number; role: Role },
  at: Date,
): void {
  const proofreader = tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "proofreader@masthead.local"))
    .get();
  const issuePages = tx.select().from(pages).where(eq(pages.issueId, issueId)).all();
  for (const page of issuePages) {
    for (let round = 1; proofreader && round <= getFullSettings().proofRounds; round += 1) {
      tx.insert(proofRounds)
        .values({ pageId: page.id, round, proofreaderId: proofreader.id, completedAt: at })
        .run();
    }
    const issue = tx.select().from(issues).where(eq(issues.id, issueId)).get();
    if (issue) signOffPageInTx(tx, chief, page, issue, at);
  }
  const issue = tx.select().from(issues).where(eq(issues.id, issueId)).get();
  if (issue) signOffIssueInTx(tx, chief, issue, at);
}
