import type { Metadata } from "next";
import Link from "next/link";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Check your email</h1>
      <p className="mb-4">If Headway has an account for that address, we have sent it a link to sign in.</p>
      <p className="mb-4">The link works once and for 15 minutes. It may take a few minutes to arrive: check your junk folder too.</p>
      <p>
        <Link href={routes.signIn()}>Ask for another link</Link>
      </p>
    </div>
  );
}
