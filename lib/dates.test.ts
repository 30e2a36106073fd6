import { describe, expect, it } from "vitest";
import {
  dateInTimeZone,
  formatIssueDate,
  isIssueDate,
  isTimeZone,
  parseIssueDate,
} from "@/lib/dates";

describe("parseIssueDate", () => {
  it("parses a real calendar date as midnight UTC", () => {
    expect(parseIssueDate("2023-02-22")?.toISOString()).toBe("2023-02-22T00:00:00.000Z");
    expect(parseIssueDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it.each([
    "2023-02-30",
    "2023-02-29",
    "2023-13-01",
    "2023-00-10",
    "2023-04-31",
    "2023-2-2",
    "23-02-22",
    "2023/02/22",
    " 2023-02-22",
    "2023-02-22T00:00:00Z",
    "abc",
    "",
  ])("rejects %j", (value) => {
    expect(parseIssueDate(value)).toBeNull();
    expect(isIssueDate(value)).toBe(false);
  });
});

describe("formatIssueDate", () => {
  it("prints the Chinese form with the weekday", () => {
    expect(formatIssueDate("2023-02-22", "zh-CN")).toBe("2023年2月22日 星期三");
  });

  it("prints the English form with the weekday", () => {
    const text = formatIssueDate("2023-02-22", "en");
    expect(text).toContain("Wednesday");
    expect(text).toContain("22 February 2023");
  });

  it("does not shift the day whatever the calendar date", () => {
    expect(formatIssueDate("2023-01-01", "zh-CN")).toBe("2023年1月1日 星期日");
    expect(formatIssueDate("2023-12-31", "zh-CN")).toBe("2023年12月31日 星期日");
  });

  it("returns an invalid value unchanged", () => {
    expect(formatIssueDate("2023-02-30", "zh-CN")).toBe("2023-02-30");
    expect(formatIssueDate("abc", "en")).toBe("abc");
  });
});

describe("dateInTimeZone", () => {
  const moment = new Date("2023-02-21T16:30:00Z");

  it("gives the calendar date where the paper is", () => {
    expect(dateInTimeZone(moment, "Asia/Shanghai")).toBe("2023-02-22");
    expect(dateInTimeZone(moment, "UTC")).toBe("2023-02-21");
    expect(dateInTimeZone(moment, "America/New_York")).toBe("2023-02-21");
  });

  it("turns over at local midnight", () => {
    expect(dateInTimeZone(new Date("2023-02-21T15:59:59Z"), "Asia/Shanghai")).toBe("2023-02-21");
    expect(dateInTimeZone(new Date("2023-02-21T16:00:00Z"), "Asia/Shanghai")).toBe("2023-02-22");
  });
});

describe("isTimeZone", () => {
  it.each(["Asia/Shanghai", "UTC", "Europe/London", "America/New_York"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(["Mars/Olympus_Mons", "Asia/Beijing", "not a zone", ""])("rejects %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
