import { describe, expect, it } from "vitest";
import { nextDay, startOfDayInTimeZone } from "@/lib/dates";
import { formatElapsed } from "@/lib/durations";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatElapsed", () => {
  it.each([
    [30_000, null, null],
    [MINUTE, "1分钟", "1 minute"],
    [45 * MINUTE, "45分钟", "45 minutes"],
    [3 * HOUR + 5 * MINUTE, "3小时5分钟", "3 hours 5 minutes"],
    [2 * HOUR, "2小时", "2 hours"],
    [2 * DAY + 4 * HOUR + 59 * MINUTE, "2天4小时", "2 days 4 hours"],
    [DAY, "1天", "1 day"],
  ])("%d ms is %s / %s", (ms, zh, en) => {
    expect(formatElapsed(ms, "zh-CN")).toBe(zh);
    expect(formatElapsed(ms, "en")).toBe(en);
  });
});

describe("calendar days in a timezone", () => {
  it("a day in Shanghai starts at 16:00 UTC the day before", () => {
    expect(startOfDayInTimeZone("2026-03-02", "Asia/Shanghai")?.toISOString()).toBe(
      "2026-03-01T16:00:00.000Z",
    );
  });

  it("follows daylight saving time", () => {
    // New York: winter UTC−5, summer UTC−4 (the change is on 8 March 2026).
    expect(startOfDayInTimeZone("2026-03-01", "America/New_York")?.toISOString()).toBe(
      "2026-03-01T05:00:00.000Z",
    );
    expect(startOfDayInTimeZone("2026-03-09", "America/New_York")?.toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
  });

  it("refuses dates that do not exist, and knows the next day", () => {
    expect(startOfDayInTimeZone("2026-02-30", "Asia/Shanghai")).toBeNull();
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("bad")).toBeNull();
  });
});
