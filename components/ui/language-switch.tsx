"use client";
// Switches the newsroom's language; the choice is kept in a cookie by /api/locale. (The paper's
// switch is a link to the other language's URL: components/paper/paper-language-switch.tsx.)
import { usePathname } from "next/navigation";
import { SwitchText } from "@/components/ui/switch-text";

type Props = { label: string; switchTo: string; targetLocale: string; className?: string };

export function LanguageSwitch({ label, switchTo, targetLocale, className }: Props) {
  const pathname = usePathname() ?? "/";
  const href = `/api/locale?lang=${encodeURIComponent(targetLocale)}&next=${encodeURIComponent(pathname)}`;
  return (
    <a href={href} hrefLang={targetLocale} className={className}>
      <SwitchText label={label} switchTo={switchTo} targetLocale={targetLocale} />
    </a>
  );
}
