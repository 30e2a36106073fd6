"use client";
// Opening the inbox marks what it showed as read, then refreshes the header's badge.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { markInboxRead } from "@/app/(newsroom)/desk/inbox/actions";

export function MarkInboxRead({ upToId }: { upToId: number }) {
  const router = useRouter();
  const sent = useRef(0);
  useEffect(() => {
    if (sent.current >= upToId) return;
    sent.current = upToId;
    void markInboxRead({ upToId }).then((result) => {
      if (result.ok && result.data.marked > 0) router.refresh();
    });
  }, [upToId, router]);
  return null;
}
