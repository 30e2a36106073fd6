"use client";
// Ends this session (the server revokes it too, so a copied cookie stops working).
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  async function onClick() {
    // next-auth would send the browser to NEXTAUTH_URL's host; a relative path keeps it on
    // the host it is using (127.0.0.1, the LAN address, a proxy's name).
    await signOut({ redirect: false });
    window.location.assign("/login");
  }
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded border border-rule px-2 py-1 hover:bg-desk"
    >
      {label}
    </button>
  );
}
