import Link from "next/link";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">
        If you followed a link, the page may have moved, or you may not have access to it. Your plan lead can give you
        access to a local area.
      </p>
      <p>
        <Link href={routes.localAreas()}>Go to your local areas</Link>
      </p>
    </div>
  );
}
