// Every audit action written anywhere has a message in both languages, and the log shows it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionMessage, isAuditAction } from "@/lib/audit-actions";
import { lookup } from "@/lib/i18n/dictionary";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The `action:` expression of every recordAudit(…) call in the code. */
function writtenActions(): { file: string; expression: string }[] {
  const found: { file: string; expression: string }[] = [];
  for (const file of ["lib", "app", "scripts", "db"].flatMap((d) =>
    sourceFiles(path.join(ROOT, d)),
  )) {
    const text = fs.readFileSync(file, "utf8");
    for (const call of text.matchAll(/recordAudit\(\s*\w+,\s*\{([\s\S]*?)\n\s*\}\);/g)) {
      const action = /\baction:\s*([^\n]+?),?\n/.exec(call[1] ?? "");
      if (action?.[1]) found.push({ file: path.relative(ROOT, file), expression: action[1] });
    }
  }
  return found;
}

describe("audit actions", () => {
  it("each has a message in zh-CN and en", () => {
    const missing = Object.entries(AUDIT_ACTIONS).flatMap(([action, key]) =>
      [zhCN, en].flatMap((dictionary) => (lookup(dictionary, key) === key ? [action] : [])),
    );
    expect(missing).toEqual([]);
  });

  it("the code writes only actions of the table", () => {
    const written = writtenActions();
    // recordAudit is called from about forty places; finding none means the scan is broken.
    expect(written.length).toBeGreaterThan(30);
    const unknown = written.flatMap(({ file, expression }) => {
      const literals = [...expression.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
      const templates = [...expression.matchAll(/`([a-z_]+)\.\$\{/g)].map((m) => m[1] ?? "");
      if (literals.length === 0 && templates.length === 0) return [`${file}: ${expression}`];
      return [
        ...literals.filter((a) => !isAuditAction(a)).map((a) => `${file}: ${a}`),
        // `story.${…}`: the compiler checks the values; here, that the family exists at all.
        ...templates
          .filter((prefix) => !Object.keys(AUDIT_ACTIONS).some((a) => a.startsWith(`${prefix}.`)))
          .map((prefix) => `${file}: ${prefix}.*`),
      ];
    });
    expect(unknown).toEqual([]);
  });

  it("the importer's actions are among them", () => {
    const written = writtenActions().map((w) => w.expression);
    expect(written).toContain('"page.create"');
    expect(written.some((e) => e.includes("meta.reason"))).toBe(true);
    expect(auditActionMessage("page.create")).toBe("audit.actions.page.create");
    expect(auditActionMessage("story.import")).toBe("audit.actions.story.import");
  });

  it("an action the table does not know reads as another change, never raw", () => {
    expect(auditActionMessage("made.up")).toBe("audit.otherAction");
    expect(auditActionMessage("toString")).toBe("audit.otherAction");
  });
});
