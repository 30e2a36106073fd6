// `/desk/proofread/<page id>`: one laid-out page for proofreading — each story's text to select
// and mark, the marks for the editor to accept or reject, and the page's rounds (一校/二校/三校).
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ProofDesk } from "@/components/desk/proof-desk";
import { formatDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { can } from "@/lib/permissions";
import { getProofPage, type ProofPage } from "@/lib/proofreading";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

type Props = { params: Promise<{ pageId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("proofreading.title") };
}

export default async function ProofPageView({ params }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer, "page:proofread") && !can(viewer, "story:edit-any")) forbidden();
  const id = Number((await params).pageId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let page: ProofPage;
  try {
    page = getProofPage(viewer, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  const { timezone } = getSettings();
  const when = (ms: number) => formatDateTime(new Date(ms), timezone, locale);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold" lang="zh-CN">
          {t("proofreading.pageTitle", { number: page.number, name: page.name })}
        </h1>
        <p className="flex gap-4 text-sm">
          {can(viewer, "issue:plan") ? (
            <Link
              href={`/desk/issues/${page.issueId}?page=${page.number}`}
              className="text-accent hover:underline"
            >
              {t("proofreading.backToLayout")}
            </Link>
          ) : null}
          <Link href="/desk/proofread" className="text-accent hover:underline">
            {t("proofreading.backToQueue")}
          </Link>
        </p>
      </div>
      <ProofDesk
        page={{
          ...page,
          rounds: page.rounds.map((r) => ({ ...r, completedAtText: when(r.completedAt) })),
        }}
        messages={{ proofreading: dictionary.proofreading, errors: dictionary.errors }}
      />
    </div>
  );
}
