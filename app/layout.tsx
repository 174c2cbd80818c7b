import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { getSession } from "@/server/auth/options";
import { routes } from "@/lib/routes";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headway", template: "%s – Headway" },
  description: "Tracking local-area SEND improvement plans from inspection finding to revisit.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main-content" className="skip-link bg-focus text-ink! underline">
          Skip to main content
        </a>
        <SiteHeader user={session?.user ?? null} />
        <TRPCReactProvider>
          <div className="mx-auto w-full max-w-[1020px] flex-1 px-4 pt-6 pb-16">
            <main id="main-content" tabIndex={-1} className="focus:outline-none">
              {children}
            </main>
          </div>
        </TRPCReactProvider>
        <footer className="no-print border-t border-border bg-panel">
          <div className="mx-auto max-w-[1020px] px-4 py-6 text-base text-secondary">
            Headway tracks local-area SEND improvement plans from inspection to revisit.{" "}
            <a href="/api/health">Service status</a> · <Link href={routes.privacy()}>Privacy</Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
