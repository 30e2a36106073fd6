"use client";
// Several page files imported one page each, with a line per file as it goes.
import Link from "next/link";
import { format } from "@/lib/i18n/dictionary";
import type { BatchItem } from "./import-desk-state";
import { button, type ImportMessages } from "./import-messages";

export function ImportBatch({
  batchFiles,
  batch,
  progress,
  first,
  busy,
  messages: m,
  onStart,
}: {
  batchFiles: File[];
  batch: BatchItem[];
  progress: string | null;
  first: number;
  busy: boolean;
  messages: ImportMessages["importDesk"];
  onStart: () => void;
}) {
  return (
    <section
      aria-labelledby="import-batch"
      className="space-y-2 rounded-lg border border-rule bg-white p-4"
    >
      <h2 id="import-batch" className="font-bold">
        {m.batchTitle}
      </h2>
      <p className="text-sm">
        {format(m.batchFiles, {
          count: batchFiles.length,
          from: first,
          to: first + batchFiles.length - 1,
        })}
      </p>
      <button type="button" className={button} disabled={busy} onClick={onStart}>
        {format(m.batchStart, { count: batchFiles.length })}
      </button>
      {progress ? (
        <p className="text-sm font-medium" data-testid="batch-progress">
          {progress}
        </p>
      ) : null}
      <ol className="space-y-1 text-sm" data-testid="batch-results">
        {batch.map((item) => (
          <li key={item.name} data-state={item.state} className="flex flex-wrap gap-2">
            <span className="font-medium">{item.name}</span>
            {item.state === "ok" && item.result ? (
              <>
                <span className="text-green-800">
                  ✓{" "}
                  {format(m.fileOk, {
                    count: item.result.storyCount,
                    page: item.result.pageNumber,
                  })}
                </span>
                <Link
                  href={`/desk/issues/${item.result.issueId}?page=${item.result.pageNumber}`}
                  className="text-accent underline"
                >
                  {m.openLayout}
                </Link>
              </>
            ) : null}
            {item.state === "failed" ? (
              <span className="text-red-700">
                ✗ {format(m.fileFailed, { message: item.message ?? "" })}
              </span>
            ) : null}
            {item.state === "waiting" || item.state === "running" ? (
              <span className="text-muted">{item.state === "running" ? "…" : m.fileWaiting}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
