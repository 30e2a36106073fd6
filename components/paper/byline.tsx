// A story's byline as print sets it.

import { formatNewsByline, formatPhotoCredit } from "@/lib/byline";
import type { Byline as BylineData } from "@/lib/domain/story";

export function NewsByline({ byline, className }: { byline: BylineData; className?: string }) {
  const text = formatNewsByline(byline);
  if (!text) return null;
  return <span className={className}>{text}</span>;
}

export function PhotoCredit({ byline, className }: { byline: BylineData; className?: string }) {
  const text = formatPhotoCredit(byline);
  if (!text) return null;
  return <p className={className}>{text}</p>;
}
