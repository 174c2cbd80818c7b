import type { Metadata } from "next";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { getSession } from "@/server/auth/options";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headway", template: "%s – Headway" },
  description: "Tracking local-area SEND improvement plans from inspection finding to revisit.",
};

/** `footer`: the `@footer` slot, which names the area's council on a published area's public pages, and is empty elsewhere. */
export default async function RootLayout({ children, footer }: { children: React.ReactNode; footer: React.ReactNode }) {
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
        <SiteFooter area={footer} />
      </body>
    </html>
  );
}
