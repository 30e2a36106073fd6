import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_INTERVAL_MS, parseSchedulerInterval } from "@/lib/env";

describe("MASTHEAD_SCHEDULER_INTERVAL_MS", () => {
  it("is thirty seconds unless set to a whole number of milliseconds", () => {
    expect(DEFAULT_SCHEDULER_INTERVAL_MS).toBe(30_000);
    for (const value of [undefined, "", "  ", "abc", "1.5", "-1000", "0", "1e400"]) {
      expect(parseSchedulerInterval(value), String(value)).toBe(30_000);
    }
    expect(parseSchedulerInterval("2000")).toBe(2000);
    expect(parseSchedulerInterval(" 1000 ")).toBe(1000);
  });

  it("never ticks faster than every 200 ms", () => {
    expect(parseSchedulerInterval("1")).toBe(200);
    expect(parseSchedulerInterval("199")).toBe(200);
    expect(parseSchedulerInterval("200")).toBe(200);
  });
});
