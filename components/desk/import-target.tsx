"use client";
// Where an import goes: the issue date, the page number, a new page's name, the stories' status.
import type { Target } from "./import-desk-state";
import { type ImportMessages, input } from "./import-messages";

export function ImportTarget({
  target,
  messages: m,
  onChange,
}: {
  target: Target;
  messages: ImportMessages["importDesk"];
  onChange: (change: Partial<Target>) => void;
}) {
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-bold">{m.targetTitle}</legend>
      <label className="block">
        <span className="mb-1 block">{m.date}</span>
        <input
          type="date"
          value={target.date}
          onChange={(e) => onChange({ date: e.target.value })}
          className={input}
        />
      </label>
      <div className="grid grid-cols-[6rem_1fr] gap-2">
        <label className="block">
          <span className="mb-1 block">{m.pageNumber}</span>
          <input
            type="number"
            min={1}
            max={999}
            value={target.pageNumber}
            onChange={(e) => onChange({ pageNumber: e.target.value })}
            className={input}
          />
        </label>
        <label className="block">
          <span className="mb-1 block">{m.pageName}</span>
          <input
            value={target.pageName}
            placeholder={m.pageNamePlaceholder}
            maxLength={40}
            onChange={(e) => onChange({ pageName: e.target.value })}
            className={input}
          />
        </label>
      </div>
      <fieldset>
        <legend className="mb-1">{m.status}</legend>
        {(["approved", "draft"] as const).map((status) => (
          <label key={status} className="mr-4 inline-flex items-center gap-1">
            <input
              type="radio"
              name="import-status"
              checked={target.status === status}
              onChange={() => onChange({ status })}
            />
            {m[status]}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
