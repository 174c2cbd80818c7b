"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { routes } from "@/lib/routes";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: routes.signIn({ signedOut: true }) });
      }}
      className="cursor-pointer font-bold text-white underline disabled:opacity-60"
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
