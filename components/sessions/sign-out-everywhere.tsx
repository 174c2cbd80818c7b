"use client";
/**
 * "Sign out everywhere": ends every session of the person's on the server, this one included,
 * then signs this browser out. Nothing here to refresh: the page is left for the sign-in page.
 */
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { routes } from "@/lib/routes";

export function SignOutEverywhere() {
  const trpc = useTRPC();
  const end = useMutation(trpc.session.signOutEverywhere.mutationOptions());
  const [failed, setFailed] = useState(false);
  return (
    <section aria-labelledby="sign-out-everywhere" className="mt-12 max-w-2xl">
      <h2 id="sign-out-everywhere" className="mb-2 text-2xl">
        Sign out everywhere
      </h2>
      <p className="mb-4">
        Ends your sessions on every device and browser, this one included. Use it if you signed in on a shared computer or lost a
        device. You will need to sign in again.
      </p>
      {failed ? (
        <p role="alert" className="mb-4 font-bold text-error">
          Your sessions could not be ended. Try again.
        </p>
      ) : null}
      <button
        type="button"
        className={buttonClass.warning}
        disabled={end.isPending}
        onClick={() => {
          setFailed(false);
          end.mutate(undefined, {
            onSuccess: () => void signOut({ callbackUrl: routes.signIn({ signedOut: true }) }),
            onError: () => setFailed(true),
          });
        }}
      >
        {end.isPending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </section>
  );
}
