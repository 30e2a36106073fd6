"use client";
// The viewer's live sessions, with "end" for each other one and for all others at once.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { endOtherSessions, endSession } from "@/app/(newsroom)/desk/account/actions";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { type ActionResult, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

export type SessionItem = {
  id: string;
  device: string;
  address: string;
  createdAt: string;
  lastSeen: string;
  isCurrent: boolean;
};
type Messages = Pick<Dictionary, "account" | "errors">;

export function SessionList({ items, messages }: { items: SessionItem[]; messages: Messages }) {
  const format = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const m = messages.account;

  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string) {
    startTransition(async () => {
      const result = await action();
      setNotice(
        result.ok
          ? { ok: true, text: success(result.data) }
          : {
              ok: false,
              text: failureText(messages.errors, result),
            },
      );
      router.refresh();
    });
  }

  const others = items.filter((item) => !item.isCurrent).length;
  return (
    <div className="space-y-3">
      <Notice notice={notice} className="min-h-6 text-sm" />
      <div className="overflow-x-auto rounded-lg border border-rule bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-desk">
            <tr>
              <th scope="col" className="p-2">
                {m.device}
              </th>
              <th scope="col" className="p-2">
                {m.address}
              </th>
              <th scope="col" className="p-2">
                {m.createdAt}
              </th>
              <th scope="col" className="p-2">
                {m.lastSeen}
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">{m.endSession}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-rule" data-testid="session-row">
                <td className="p-2">
                  {item.device}
                  {item.isCurrent ? (
                    <span className="ml-2 rounded bg-ink px-1.5 text-xs font-bold text-white">
                      {m.thisDevice}
                    </span>
                  ) : null}
                </td>
                <td className="p-2 font-mono text-xs">{item.address}</td>
                <td className="p-2">{item.createdAt}</td>
                <td className="p-2">{item.lastSeen}</td>
                <td className="p-2 text-right">
                  {item.isCurrent ? null : (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() =>
                        run(
                          () => endSession({ sessionId: item.id }),
                          () => m.ended,
                        )
                      }
                      className="rounded border border-rule px-2 py-0.5 disabled:opacity-40"
                    >
                      {m.endSession}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => endOtherSessions(),
              (data) => format(m.endedOthers, { count: data.ended }),
            )
          }
          className="rounded border border-rule bg-white px-3 py-1.5 disabled:opacity-40"
        >
          {m.endOthers}
        </button>
      ) : null}
    </div>
  );
}
