// The import command's work: read page files, parse them, print or write them (see import.ts).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, eq } from "drizzle-orm";
import { closeDatabase, db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DEFAULT_PAGE_NAME, importIntoPage } from "@/lib/import/apply";
import { decodePageBytes, describeDecodeProblem, MAX_PAGE_BYTES } from "@/lib/import/decode";
import { readPage } from "@/lib/import/parse-page";
import { REVIEW_THRESHOLD } from "@/lib/import/rules";
import { parseImportTarget } from "@/lib/import/target";
import type { ParsedPage, StoryConfidence } from "@/lib/import/types";

export type CommandIo = { out: (text: string) => void; err: (text: string) => void };

export const USAGE = `Usage: npm run import -- <file-or-folder> [options]

  --json               print the parse as JSON and change nothing
  --into <date>/<page> create the stories on that page of that issue (e.g. 2023-03-01/2);
                       for a folder, --into <date> numbers the pages in file-name order
  --draft              create the stories as drafts instead of approved
  --page-name <name>   name of a page that has to be created (default ${DEFAULT_PAGE_NAME})`;

/** A refusal the operator can act on: printed as is, without a stack trace. */
class CommandError extends Error {}

type PageFile = { file: string; name: string; parsed: ParsedPage; stories: StoryConfidence[] };

const APP_ERROR_MESSAGES: Record<string, string> = {
  forbidden: "the importing user is not allowed to create and place stories",
  unauthorized: "the importing user is not an active user",
  import_bad_date: "the issue date must be a real date written YYYY-MM-DD",
  import_bad_page: "the page number must be a whole number from 1",
  import_no_stories: "no stories were found in the page text",
};

function listPageFiles(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new CommandError(`No such file or folder: ${target}`);
  }
  if (stat.isFile()) return [target];
  if (!stat.isDirectory()) throw new CommandError(`Not a file or folder: ${target}`);
  const files = fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((name) => path.join(target, name));
  if (files.length === 0) throw new CommandError(`The folder ${target} has no files to import.`);
  return files;
}

function readPageFile(file: string): PageFile | string {
  const name = path.basename(file);
  // Check the size before reading, so an enormous file is never loaded.
  if (fs.statSync(file).size > MAX_PAGE_BYTES)
    return `${name}: ${describeDecodeProblem("too_large")}`;
  const decoded = decodePageBytes(new Uint8Array(fs.readFileSync(file)));
  if (!decoded.ok) return `${name}: ${decoded.message}`;
  const { page, articles, stories } = readPage(decoded.text);
  if (articles.length === 0) return `${name}: no stories were found in the text`;
  return { file, name, parsed: { page, articles }, stories };
}

/** The stories the parser is unsure of (below the review threshold), counted. */
function uncertain(p: PageFile): number {
  return p.stories.filter((s) => s.confidence < REVIEW_THRESHOLD).length;
}

function firstActiveAdmin(): { id: number; email: string } {
  const admin = db()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.isActive, true)))
    .orderBy(asc(users.id))
    .limit(1)
    .get();
  if (!admin) {
    throw new CommandError("No active admin to import as. Create one first (npm run db:setup).");
  }
  return admin;
}

function plural(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  return `${n} ${noun.endsWith("story") ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

function describeAppError(error: AppError): string {
  return APP_ERROR_MESSAGES[error.messageKey] ?? APP_ERROR_MESSAGES[error.code] ?? error.code;
}

function run(argv: string[], io: CommandIo, now: () => Date): number {
  let parsedArgs: ReturnType<typeof parseCommandLine>;
  try {
    parsedArgs = parseCommandLine(argv);
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsedArgs;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new CommandError(`Give one file or folder to import.\n\n${USAGE}`);
  }
  if (values.json && values.into) {
    throw new CommandError("--json only prints the parse; leave it out to import with --into.");
  }
  const target = values.into ? parseImportTarget(values.into) : null;
  if (values.into && !target) {
    throw new CommandError(
      `--into needs <date>/<page> such as 2023-03-01/2, not "${values.into}".`,
    );
  }
  const source = positionals[0];
  const files = listPageFiles(source);
  const isFolder = fs.statSync(source).isDirectory();
  if (target && !isFolder && target.pageNumber === null) {
    throw new CommandError(
      `Say which page: --into ${target.date}/<page>, e.g. --into ${target.date}/1.`,
    );
  }

  // Every file is read and parsed before anything is written, so bad input creates nothing.
  const pagesRead = files.map(readPageFile);
  const problems = pagesRead.filter((p): p is string => typeof p === "string");
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem);
    io.err(`Nothing was imported (${problems.length} of ${plural(files.length, "file")} refused).`);
    return 1;
  }
  const pageFiles = pagesRead as PageFile[];

  if (values.json) {
    const out = pageFiles.map((p) => ({ source: p.name, ...p.parsed }));
    io.out(JSON.stringify(isFolder ? out : out[0], null, 2));
    return 0;
  }
  if (!target) {
    for (const p of pageFiles) {
      io.out(`${p.name}: ${plural(p.parsed.articles.length, "story")}`);
      p.parsed.articles.forEach((a, i) => {
        const story = p.stories[i];
        const check =
          story && story.confidence < REVIEW_THRESHOLD
            ? ` — check: ${story.doubts.join(", ")}`
            : "";
        const sure = story ? ` (confidence ${story.confidence.toFixed(2)}${check})` : "";
        io.out(`  [${a.kind}] ${a.headline ?? "(no headline)"}${sure}`);
      });
    }
    io.out("Nothing was written. Use --json to see the parse, --into <date>/<page> to import.");
    return 0;
  }

  migrateDatabase();
  const admin = firstActiveAdmin();
  io.out(`Importing as ${admin.email} (the first active admin).`);
  const firstPage = target.pageNumber ?? 1;
  let imported = 0;
  for (const [i, p] of pageFiles.entries()) {
    const pageNumber = firstPage + i;
    const result = importIntoPage({
      parsed: p.parsed,
      date: target.date,
      pageNumber,
      pageName: values["page-name"],
      status: values.draft ? "draft" : "approved",
      actorId: admin.id,
      source: p.name,
      now: now(),
    });
    imported += result.storyIds.length;
    const created = [
      result.createdIssue ? `issue ${result.issueNumber} created` : null,
      result.createdPage ? "page created" : null,
    ].filter(Boolean);
    const unsure = uncertain(p);
    io.out(
      `[${i + 1}/${pageFiles.length}] ${p.name} → ${target.date} page ${pageNumber}: ${plural(result.storyIds.length, values.draft ? "draft story" : "approved story")}${created.length > 0 ? ` (${created.join(", ")})` : ""}${unsure > 0 ? `; ${unsure} uncertain, check them` : ""}`,
    );
  }
  io.out(`Imported ${plural(imported, "story")} from ${plural(pageFiles.length, "page")}.`);
  return 0;
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      into: { type: "string" },
      draft: { type: "boolean", default: false },
      "page-name": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/** Runs the command; returns the exit code. Refusals are printed plainly, never as a stack. */
export function runImportCommand(
  argv: string[],
  io: CommandIo,
  now: () => Date = () => new Date(),
): number {
  try {
    return run(argv, io, now);
  } catch (error) {
    if (error instanceof CommandError) io.err(error.message);
    else if (error instanceof AppError) io.err(`Import refused: ${describeAppError(error)}.`);
    else io.err(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    closeDatabase();
  }
}
