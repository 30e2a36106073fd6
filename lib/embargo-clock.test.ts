import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { embargoMark, findLiftedEmbargoes, markEmbargoesHandled } from "@/lib/embargo-clock";
import { cacheExpiryToken, expireAgainAtNextTick, runSchedulerTick } from "@/lib/scheduler";

withTempDatabase();

const t0 = new Date("2026-06-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function storyWithEmbargo(until: Date, status: "published" | "approved" = "published") {
  const author = await insertUser("editor");
  return db()
    .insert(stories)
    .values({ headline: "禁发稿件", authorId: author.id, status, embargoUntil: until })
    .returning({ id: stories.id })
    .get().id;
}

describe("lifted embargoes", () => {
  it("are found once their time has come, and not again once marked", async () => {
    await storyWithEmbargo(at(60));
    expect(findLiftedEmbargoes(at(59))).toBeNull();
    expect(findLiftedEmbargoes(at(60))).toEqual({ upTo: at(60), affectsReaders: true });
    markEmbargoesHandled(at(60));
    expect(embargoMark()).toEqual(at(60));
    expect(findLiftedEmbargoes(at(61))).toBeNull();
  });

  it("after downtime, every embargo that lifted meanwhile is found in one look", async () => {
    await storyWithEmbargo(at(60));
    await storyWithEmbargo(at(90));
    await storyWithEmbargo(at(600));
    // The server was down from minute 30 to minute 120.
    expect(findLiftedEmbargoes(at(120))).toEqual({ upTo: at(90), affectsReaders: true });
    markEmbargoesHandled(at(90));
    expect(findLiftedEmbargoes(at(599))).toBeNull();
    expect(findLiftedEmbargoes(at(600))?.upTo).toEqual(at(600));
  });

  it("a story not in print moves the mark but asks for no cache expiry; the mark never moves back", async () => {
    await storyWithEmbargo(at(60), "approved");
    expect(findLiftedEmbargoes(at(61))).toEqual({ upTo: at(60), affectsReaders: false });
    markEmbargoesHandled(at(60));
    markEmbargoesHandled(at(30));
    expect(embargoMark()).toEqual(at(60));
  });

  it("are looked up through the embargo index, not by reading every story", () => {
    const plan = sqlite()
      .prepare(
        `EXPLAIN QUERY PLAN SELECT max(embargo_until), max(status = 'published') FROM stories
         WHERE embargo_until > ? AND embargo_until <= ?`,
      )
      .all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toContain("stories_embargo_idx");
  });
});

describe("the clock expires the public cache when an embargo lifts", () => {
  // The server's own cache-expiry route, as the clock reaches it over HTTP.
  const calls: { path: string; token: string }[] = [];
  let answer = 200;
  let server: http.Server;
  const savedPort = process.env.PORT;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      calls.push({
        path: request.url ?? "",
        token: String(request.headers["x-masthead-token"] ?? ""),
      });
      response.statusCode = answer;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    process.env.PORT = savedPort;
    await new Promise((resolve) => server.close(resolve));
  });

  it("not before the time, once after it, retried until the server answers, durably marked", async () => {
    const id = await storyWithEmbargo(at(60));
    calls.length = 0;
    await runSchedulerTick(at(59));
    expect(calls).toEqual([]);

    // The server cannot expire its cache just now: nothing is marked, so the next tick retries.
    answer = 500;
    await runSchedulerTick(at(60));
    expect(calls).toHaveLength(1);
    expect(embargoMark()).toEqual(new Date(0));

    answer = 200;
    await runSchedulerTick(at(61));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ path: "/api/internal/expire-cache", token: cacheExpiryToken() });
    expect(embargoMark()).toEqual(at(60));

    await runSchedulerTick(at(62));
    expect(calls).toHaveLength(2);
    expect(db().select().from(stories).where(eq(stories.id, id)).get()?.embargoUntil).toEqual(
      at(60),
    );
  });

  it("a server that was down when the embargo lifted expires the cache on its first tick", async () => {
    await storyWithEmbargo(at(60));
    calls.length = 0;
    // Nothing ran between minute 30 and minute 240; the mark in the database says how far
    // the last run got, so the first tick after start still sees this embargo.
    await runSchedulerTick(at(240));
    expect(calls.map((c) => c.path)).toEqual(["/api/internal/expire-cache"]);
    expect(embargoMark()).toEqual(at(60));
  });

  it("an action's expiry is repeated once at the next tick, and only once", async () => {
    calls.length = 0;
    expireAgainAtNextTick();
    await runSchedulerTick(at(1));
    await runSchedulerTick(at(2));
    expect(calls.map((c) => c.path)).toEqual(["/api/internal/expire-cache"]);
  });
});
