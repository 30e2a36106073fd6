// Links that narrow a desk list (the layout desk's waiting stories) to one desk, or show all.
import Link from "next/link";

type Props = {
  desks: { id: number; name: string }[];
  current: number | undefined;
  hrefOf: (deskId: number | undefined) => string;
  allLabel: string;
  label: string;
};

export function DeskFilter({ desks, current, hrefOf, allLabel, label }: Props) {
  if (desks.length === 0) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-3 text-sm" data-testid="desk-filter">
      {[{ id: undefined, name: allLabel }, ...desks].map((desk) => (
        <Link
          key={desk.id ?? "all"}
          href={hrefOf(desk.id)}
          aria-current={desk.id === current ? "page" : undefined}
          className="text-accent hover:underline aria-[current=page]:font-bold"
        >
          {desk.name}
        </Link>
      ))}
    </nav>
  );
}
