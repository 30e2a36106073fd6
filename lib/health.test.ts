import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { withTempDatabase } from "@/db/testing/temp-database";
import { healthReport } from "@/lib/health";

withTempDatabase();

describe("/api/health", () => {
  it("tells an anonymous caller ok and nothing else", () => {
    expect(healthReport(null)).toEqual({ status: 200, body: { ok: true } });
  });

  it("tells a reporter or editor no more than that", () => {
    expect(healthReport({ role: "reporter" }).body).toEqual({ ok: true });
    expect(healthReport({ role: "editor" }).body).toEqual({ ok: true });
  });

  it("shows an admin the scheduler's state", () => {
    const { body } = healthReport({ role: "admin" });
    expect(body).toMatchObject({ ok: true, database: "ok", scheduler: { lastError: null } });
  });

  it("answers not ok, without details, when the database cannot be opened", () => {
    closeDatabase();
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-health-")), "f");
    fs.writeFileSync(blocker, "");
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = path.join(blocker, "inside-a-file");
    try {
      expect(healthReport({ role: "admin" })).toEqual({ status: 503, body: { ok: false } });
    } finally {
      process.env.DATA_DIR = saved;
      closeDatabase();
    }
  });
});
