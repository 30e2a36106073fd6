import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, media, stories, storyPhotos } from "@/db/schema";
import { passAllLevels } from "@/db/testing/review";
import { signOffIssueForTest } from "@/db/testing/sign-off";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { getStoryEmbargo, listActiveEmbargoes, setEmbargo } from "@/lib/embargo";
import { decideEmbargo, isUnderEmbargo } from "@/lib/embargo-rules";
import { buildRss, buildSitemap } from "@/lib/feeds";
import { addPage, createIssue, placeStory, previewPage } from "@/lib/issues";
import { isMediaPublished } from "@/lib/media";
import {
  getIssueView,
  getPageView,
  getStoryView,
  listLatestStories,
  listSitemapYear,
} from "@/lib/paper";
import { publishIssueNow } from "@/lib/publishing";
import { searchStories } from "@/lib/search";
import { createStory, transitionStory } from "@/lib/stories";
import { syncStoryPhotos } from "@/lib/story-rows";

withTempDatabase();

const t0 = new Date("2026-06-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
/** The embargo of the tests: two hours after the issue goes out. */
const T = at(120);
const before = new Date(T.getTime() - 1);

const doc = (text: string): RichTextDoc => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function newsroom() {
  const reporter = { ...(await insertUser("reporter")), displayName: "记者甲" };
  const editor = { ...(await insertUser("editor")), displayName: "编辑乙" };
  const chief = { ...(await insertUser("chief_editor")), displayName: "总编丙" };
  return { reporter, editor, chief };
}

type People = Awaited<ReturnType<typeof newsroom>>;

async function approved(people: People, headline: string, text: string): Promise<number> {
  const story = createStory(people.reporter, { headline, kind: "news" }, t0, doc(text));
  transitionStory(people.reporter, { storyId: story.id, action: "submit" }, t0);
  await passAllLevels(story.id, t0);
  return story.id;
}

/**
 * A published issue of 2026-06-02: page 1 with an embargoed lead and an open story, page 2
 * with only an embargoed story. The embargoes are set before publication, as a desk would.
 */
async function paperWithEmbargo() {
  const people = await newsroom();
  const embargoed = await approved(
    people,
    "禁发稿件标题",
    "央行将于明日公布降准决定，禁发稿件正文。",
  );
  const open = await approved(people, "普通稿件标题", "区总工会举办职工技能大赛，普通稿件正文。");
  const alone = await approved(people, "独占一版的禁发稿件", "第二版只有这一篇禁发稿件。");
  const { id: issueId } = createIssue(people.editor, { date: "2026-06-02" }, t0);
  const p1 = addPage(people.editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
  const p2 = addPage(people.editor, { issueId, name: "经济", banner: null, editorId: null }, t0);
  placeStory(people.editor, { pageId: p1.id, storyId: embargoed, slot: "lead" }, t0);
  placeStory(people.editor, { pageId: p1.id, storyId: open, slot: "main" }, t0);
  placeStory(people.editor, { pageId: p2.id, storyId: alone, slot: "lead" }, t0);
  for (const storyId of [embargoed, alone]) {
    setEmbargo(people.editor, { storyId, until: T, expectedUntil: null }, at(1));
  }
  await signOffIssueForTest(issueId, at(1));
  publishIssueNow(people.chief, { issueId }, at(2));
  return { ...people, issueId, embargoed, open, alone };
}

const pageIds = (date: string, page: number, now: Date) =>
  getPageView(date, page, now)?.stories.map((s) => s.id);
const searchIds = (q: string, now: Date) => {
  const outcome = searchStories({ q, now });
  return outcome.kind === "results" ? outcome.hits.map((h) => h.id) : [];
};

describe("public reads and an embargo", () => {
  it("page, issue, story and its siblings leave the story out until its time, then show it", async () => {
    const { embargoed, open } = await paperWithEmbargo();
    expect(pageIds("2026-06-02", 1, before)).toEqual([open]);
    expect(
      getIssueView("2026-06-02", before)?.pages.map((p) => p.stories.map((s) => s.id)),
    ).toEqual([[open], []]);
    expect(getStoryView(embargoed, before)).toBeNull();
    expect(getStoryView(open, before)?.siblings.map((s) => s.id)).toEqual([open]);

    expect(pageIds("2026-06-02", 1, T)).toEqual([embargoed, open]);
    expect(
      getIssueView("2026-06-02", T)?.pages.map((p) => p.stories.map((s) => s.id)),
    ).toHaveLength(2);
    const story = getStoryView(embargoed, T);
    expect(story?.headline).toBe("禁发稿件标题");
    expect(getStoryView(open, T)?.siblings.map((s) => s.id)).toEqual([embargoed, open]);
    // JSON-LD and Open Graph say it was published when readers could first read it.
    expect(story?.publishedAt).toBe(T.getTime());
    expect(getStoryView(open, T)?.publishedAt).toBe(at(2).getTime());
  });

  it("a page whose only story is embargoed still renders, with no story", async () => {
    const { alone } = await paperWithEmbargo();
    const view = getPageView("2026-06-02", 2, before);
    expect(view?.page.name).toBe("经济");
    expect(view?.stories).toEqual([]);
    expect(pageIds("2026-06-02", 2, T)).toEqual([alone]);
  });

  it("the feed and the sitemap leave it out until its time", async () => {
    const { embargoed, open } = await paperWithEmbargo();
    expect(listLatestStories(50, before).map((s) => s.id)).toEqual([open]);
    const rss = buildRss({
      origin: "https://paper.example",
      locale: "zh-CN",
      paperName: "职工时报",
      description: "",
      items: listLatestStories(50, before),
    });
    expect(rss).not.toContain("禁发稿件标题");
    expect(listSitemapYear(2026, before).stories.map((s) => s.id)).toEqual([open]);
    expect(buildSitemap("https://paper.example", listSitemapYear(2026, before))).not.toContain(
      `/stories/${embargoed}<`,
    );

    const feed = listLatestStories(50, T);
    expect(feed.map((s) => s.id)).toContain(embargoed);
    expect(feed.find((s) => s.id === embargoed)?.publishedAt).toBe(T.getTime());
    const sitemap = listSitemapYear(2026, T).stories;
    expect(sitemap.find((s) => s.id === embargoed)?.updatedAt).toBe(T.getTime());
    expect(buildSitemap("https://paper.example", listSitemapYear(2026, T))).toContain(
      `/stories/${embargoed}<`,
    );
  });

  it("search finds it only after its time, for long and short terms alike", async () => {
    const { embargoed } = await paperWithEmbargo();
    for (const q of ["降准决定", "降准", "禁发稿件 央行"]) {
      expect(searchIds(q, before), q).toEqual([]);
      expect(searchIds(q, T), q).toEqual([embargoed]);
    }
  });

  it("its photos are public only once a published story out of embargo shows them", async () => {
    const { embargoed, open, editor } = await paperWithEmbargo();
    const photo = (key: string) =>
      db()
        .insert(media)
        .values({
          storageKey: key.repeat(32),
          mimeType: "image/webp",
          sizeBytes: 1,
          width: 800,
          height: 600,
          uploadedBy: editor.id,
        })
        .returning({ id: media.id })
        .get().id;
    const listed = photo("a");
    const inBody = photo("b");
    const shared = photo("c");
    db().insert(storyPhotos).values({ storyId: embargoed, mediaId: listed, position: 0 }).run();
    db().insert(storyPhotos).values({ storyId: embargoed, mediaId: shared, position: 1 }).run();
    db().insert(storyPhotos).values({ storyId: open, mediaId: shared, position: 0 }).run();
    // A photo block in the body: every save keeps story_photos in step with it, as here.
    const body = {
      type: "doc" as const,
      content: [listed, shared, inBody].map((mediaId) => ({ type: "photo", attrs: { mediaId } })),
    };
    db().transaction((tx) => {
      tx.update(stories).set({ body }).where(eq(stories.id, embargoed)).run();
      syncStoryPhotos(tx, embargoed, body);
    });
    expect([listed, inBody, shared].map((id) => isMediaPublished(id, before))).toEqual([
      false,
      false,
      true, // the open story shows it too
    ]);
    expect([listed, inBody, shared].map((id) => isMediaPublished(id, T))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("the desk's preview shows every placed story, embargoed or not", async () => {
    const { editor, issueId, embargoed, open } = await paperWithEmbargo();
    expect(previewPage(editor, issueId, 1)?.stories.map((s) => s.id)).toEqual([embargoed, open]);
  });
});

describe("setting an embargo", () => {
  it("is for editors; on a published story it takes story:correct; a spiked story has none", async () => {
    const people = await newsroom();
    const admin = { ...(await insertUser("admin")), displayName: "管理员" };
    expect(decideEmbargo(people.reporter, { status: "draft" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    for (const status of ["draft", "submitted", "returned", "approved"] as const) {
      expect(decideEmbargo(people.editor, { status }).ok, status).toBe(true);
    }
    // Correcting the public paper is the chief or duty editor's (story:correct), not a desk editor's.
    expect(decideEmbargo(people.editor, { status: "published" }).ok).toBe(false);
    expect(decideEmbargo(people.chief, { status: "published" }).ok).toBe(true);
    expect(decideEmbargo(admin, { status: "withdrawn" }).ok).toBe(true);
    expect(decideEmbargo(people.editor, { status: "spiked" })).toEqual({
      ok: false,
      reason: "invalid_transition",
    });

    const story = createStory(people.reporter, { headline: "记者的稿件", kind: "news" }, t0);
    expect(() =>
      setEmbargo(people.reporter, { storyId: story.id, until: T, expectedUntil: null }, t0),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(getStoryEmbargo(people.reporter, story.id)).toEqual({ until: null, canChange: false });
    const other = { ...(await insertUser("reporter")), displayName: "记者丙" };
    expect(() => getStoryEmbargo(other, story.id)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    transitionStory(people.editor, { storyId: story.id, action: "spike", note: "不用" }, t0);
    expect(() =>
      setEmbargo(people.editor, { storyId: story.id, until: T, expectedUntil: null }, t0),
    ).toThrow(expect.objectContaining({ code: "invalid_transition" }));
    expect(() =>
      setEmbargo(people.editor, { storyId: 99_999, until: T, expectedUntil: null }, t0),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("refuses a time not in the future and a stale form, changing nothing", async () => {
    const people = await newsroom();
    const storyId = await approved(people, "待发稿件", "正文");
    const embargoOf = () =>
      db().select().from(stories).where(eq(stories.id, storyId)).get()?.embargoUntil ?? null;
    expect(() =>
      setEmbargo(people.editor, { storyId, until: t0, expectedUntil: null }, t0),
    ).toThrow(expect.objectContaining({ messageKey: "embargo_in_past" }));
    setEmbargo(people.editor, { storyId, until: T, expectedUntil: null }, t0);
    // A second editor's form still showed "no embargo".
    expect(() =>
      setEmbargo(people.editor, { storyId, until: at(300), expectedUntil: null }, t0),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "embargo_changed" }));
    expect(embargoOf()).toEqual(T);
  });

  it("writes an audit row, leaves the text's version alone, and lifts", async () => {
    const people = await newsroom();
    const storyId = await approved(people, "待发稿件", "正文");
    const version = () => db().select().from(stories).where(eq(stories.id, storyId)).get()?.version;
    const v = version();
    expect(setEmbargo(people.editor, { storyId, until: T, expectedUntil: null }, t0)).toEqual({
      embargoUntil: T.getTime(),
      affectsReaders: false,
    });
    setEmbargo(people.editor, { storyId, until: at(180), expectedUntil: T.getTime() }, at(1));
    setEmbargo(people.editor, { storyId, until: null, expectedUntil: at(180).getTime() }, at(2));
    expect(version()).toBe(v);
    const rows = db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "story"), eq(auditEvents.subjectId, String(storyId))))
      .all()
      .filter((r) => r.action.startsWith("story.embargo"));
    expect(rows.map((r) => [r.action, r.actorId, r.detail?.to])).toEqual([
      ["story.embargo", people.editor.id, T.toISOString()],
      ["story.embargo", people.editor.id, at(180).toISOString()],
      ["story.embargo_lift", people.editor.id, null],
    ]);
  });

  it("on a published story takes it off the public paper at once, and lifting brings it back", async () => {
    const { chief, open } = await paperWithEmbargo();
    const now = at(10);
    expect(getStoryView(open, now)).not.toBeNull();
    expect(setEmbargo(chief, { storyId: open, until: T, expectedUntil: null }, now)).toEqual({
      embargoUntil: T.getTime(),
      affectsReaders: true,
    });
    expect(getStoryView(open, now)).toBeNull();
    expect(searchIds("技能大赛", now)).toEqual([]);
    setEmbargo(chief, { storyId: open, until: null, expectedUntil: T.getTime() }, at(11));
    expect(getStoryView(open, at(11))?.id).toBe(open);
  });

  it("the desk's badges list only embargoes still holding", async () => {
    const { editor, embargoed, open, alone } = await paperWithEmbargo();
    expect([...listActiveEmbargoes(editor, [embargoed, open, alone], before)]).toEqual(
      expect.arrayContaining([
        [embargoed, T.getTime()],
        [alone, T.getTime()],
      ]),
    );
    expect(listActiveEmbargoes(editor, [embargoed, open], before).has(open)).toBe(false);
    expect(listActiveEmbargoes(editor, [embargoed], T).size).toBe(0);
    expect(isUnderEmbargo(T.getTime(), before)).toBe(true);
    expect(isUnderEmbargo(T, T)).toBe(false);
    expect(isUnderEmbargo(null, T)).toBe(false);
  });
});
