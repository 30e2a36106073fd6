// Any other public path: the paper's own 404 page.
import { notFound } from "next/navigation";

export function generateStaticParams(): { rest: string[] }[] {
  return [];
}

export default function UnknownPath(): never {
  notFound();
}
