// The try-out's warning strip, on every desk page: demo paper, demo accounts, not for real use.
export function DemoBanner({ label, text }: { label: string; text: string }) {
  return (
    <aside
      aria-label={label}
      data-testid="demo-banner"
      className="bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-900"
    >
      {text}
    </aside>
  );
}
