// Any other path under /desk: the desk's own 404, in the user's language.
import { notFound } from "next/navigation";

export default function UnknownDeskPath(): never {
  notFound();
}
