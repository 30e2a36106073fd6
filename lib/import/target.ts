// Where an import goes: `2023-03-01/2` → the issue date and page number (pure).

export type ImportTarget = { date: string; pageNumber: number | null };

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isValidIssueDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === day
  );
}

/** `<date>` or `<date>/<page>`; null when it is neither. */
export function parseImportTarget(value: string): ImportTarget | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:\/(\d{1,3}))?$/u.exec(value.trim());
  if (!match?.[1] || !isValidIssueDate(match[1])) return null;
  const pageNumber = match[2] === undefined ? null : Number(match[2]);
  if (pageNumber !== null && pageNumber < 1) return null;
  return { date: match[1], pageNumber };
}
