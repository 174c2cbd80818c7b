import Link from "next/link";
import { routes } from "@/lib/routes";

export default function Forbidden() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">You do not have permission to see this page</h1>
      <p className="mb-4">Your role in Headway does not include this page.</p>
      <p className="mb-4">If you think you should have access, ask your plan lead or a Headway administrator.</p>
      <p>
        <Link href={routes.localAreas()}>Go to your local areas</Link>
      </p>
    </div>
  );
}
