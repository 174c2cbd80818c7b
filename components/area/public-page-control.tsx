"use client";
/**
 * The plan lead publishes the area's public page for families, or takes it down, after saying so
 * twice: what families will see is stated first.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Notice } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { routes } from "@/lib/routes";

/** `children`: more about the public page the lead sets here (how families contact the council). */
export function PublicPageControl({ slug, published, children }: { slug: string; published: boolean; children?: React.ReactNode }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(trpc.area.setPublicPage.mutationOptions());

  async function change(publish: boolean) {
    setProblem(null);
    setNotice(null);
    try {
      await save.mutateAsync({ slug, published: publish });
      setConfirming(false);
      setNotice(publish ? "The public page is published." : "The public page has been taken down.");
      refresh();
    } catch (error) {
      setProblem(errorsFrom(error, "public-page")[0]?.message ?? "That did not work. Try again.");
    }
  }

  return (
    <section aria-labelledby="public-page" className="mb-8 border-l-4 border-brand pl-6">
      <h2 id="public-page" className="mb-2 text-xl">
        Public page for families
      </h2>
      <Notice text={notice} />
      {problem ? (
        <p role="alert" className="mb-4 font-bold text-error">
          {problem}
        </p>
      ) : null}
      {published ? (
        <p className="mb-3">
          Published at <Link href={routes.publicArea(slug)}>{routes.publicArea(slug)}</Link>: anyone can read it without signing in.
        </p>
      ) : (
        <p className="mb-3 max-w-3xl">
          Not published. Once published, anyone can read, without signing in: each finding in plain English, the actions
          with their organisations (never people&apos;s names), status and due dates, the measures&apos; charts, the
          forum&apos;s public verdicts and your published &ldquo;you said, we did&rdquo; entries. Internal and partners-only
          evidence and all comments stay private.
        </p>
      )}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className={published ? buttonClass.warning : buttonClass.primary} disabled={save.isPending} onClick={() => change(!published)}>
            {published ? "Yes, take the page down" : "Yes, publish the page"}
          </button>
          <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(true)}>
          {published ? "Take the public page down" : "Publish the public page"}
        </button>
      )}
      {children}
    </section>
  );
}
