// The desk's embargo badge: "禁发至 12月3日 08:00", wherever a story under embargo appears.
// The label is made on the server, in the paper's timezone (lib/embargo-labels).
export function EmbargoBadge({ label }: { label: string }) {
  return (
    <span
      data-testid="embargo-badge"
      className="inline-flex items-center whitespace-nowrap rounded border border-amber-500 bg-amber-50 px-1.5 py-0.5 font-sans text-xs font-semibold text-amber-900"
    >
      {label}
    </span>
  );
}
