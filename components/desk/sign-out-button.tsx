"use client";
// Ends this session (the server revokes it too, so a copied cookie stops working).
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded border border-rule px-2 py-1 hover:bg-desk"
    >
      {label}
    </button>
  );
}
