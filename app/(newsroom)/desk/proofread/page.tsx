// `/desk/proofread`: the proofreaders' queue — laid-out pages not yet signed off, with their
// rounds and open marks.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { formatIssueDate } from "@/lib/dates";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { can } from "@/lib/permissions";
import { listPagesToProofread } from "@/lib/proofreading";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("proofreading.queueTitle") };
}

export default async function ProofQueuePage() {
  const viewer = await requireViewer();
  if (!can(viewer, "page:proofread") && !can(viewer, "story:edit-any")) forbidden();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const queue = listPagesToProofread(viewer);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("proofreading.queueTitle")}</h1>
        <p className="mt-1 text-muted">{t("proofreading.queueIntro")}</p>
      </div>
      {queue.length === 0 ? (
        <p className="rounded-lg border border-rule bg-white p-6 text-muted">
          {t("proofreading.queueEmpty")}
        </p>
      ) : (
        <table className="w-full rounded-lg border border-rule bg-white text-sm">
          <thead>
            <tr className="border-b border-rule text-left">
              <th className="p-2">{t("proofreading.issueDate")}</th>
              <th className="p-2">{t("proofreading.page")}</th>
              <th className="p-2">{t("proofreading.stories")}</th>
              <th className="p-2">{t("proofreading.rounds")}</th>
              <th className="p-2">{t("proofreading.openMarks")}</th>
              <th className="p-2">
                <span className="sr-only">{t("proofreading.open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr
                key={item.pageId}
                className="border-b border-rule"
                data-testid={`proof-queue-${item.pageId}`}
              >
                <td className="p-2">{formatIssueDate(item.issueDate, locale)}</td>
                <td className="p-2" lang="zh-CN">
                  {t("paper.pageLabel", { number: item.number, name: item.name })}
                </td>
                <td className="p-2">{item.storyCount}</td>
                <td className="p-2">
                  {t("proofreading.roundsValue", {
                    done: item.roundsDone,
                    required: item.roundsRequired,
                  })}
                </td>
                <td className="p-2">{item.openMarks}</td>
                <td className="p-2">
                  <Link
                    href={`/desk/proofread/${item.pageId}`}
                    className="text-accent hover:underline"
                  >
                    {t("proofreading.open")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
