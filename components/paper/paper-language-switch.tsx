"use client";
// The paper's language switch: a plain link to the same page in the other language's URL
// (`/…` ⇄ `/en/…`), query string kept. No cookie is set: the URL is the language.
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { SwitchText } from "@/components/ui/switch-text";
import type { Locale } from "@/lib/domain/locales";
import { neutralPath, paperPath } from "@/lib/i18n/paper-locale";

type Props = { label: string; switchTo: string; targetLocale: Locale; className?: string };

function SwitchLink({ query, ...props }: Props & { query: string }) {
  const path = neutralPath(usePathname() ?? "/");
  const href = paperPath(props.targetLocale, path) + (query ? `?${query}` : "");
  return (
    <a href={href} hrefLang={props.targetLocale} className={props.className}>
      <SwitchText label={props.label} switchTo={props.switchTo} targetLocale={props.targetLocale} />
    </a>
  );
}

function WithQuery(props: Props) {
  const query = useSearchParams()?.toString() ?? "";
  return <SwitchLink {...props} query={query} />;
}

/** Cached pages are rendered without a query: the link gets it once the page runs in the browser. */
export function PaperLanguageSwitch(props: Props) {
  return (
    <Suspense fallback={<SwitchLink {...props} query="" />}>
      <WithQuery {...props} />
    </Suspense>
  );
}
