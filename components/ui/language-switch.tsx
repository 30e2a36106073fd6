"use client";
// Switches the UI language; the choice is kept in a cookie by /api/locale.
import { usePathname } from "next/navigation";

type Props = { label: string; switchTo: string; targetLocale: string; className?: string };

export function LanguageSwitch({ label, switchTo, targetLocale, className }: Props) {
  const pathname = usePathname() ?? "/";
  const href = `/api/locale?lang=${encodeURIComponent(targetLocale)}&next=${encodeURIComponent(pathname)}`;
  return (
    <a
      href={href}
      hrefLang={targetLocale}
      lang={targetLocale}
      aria-label={label}
      className={className}
    >
      {switchTo}
    </a>
  );
}
