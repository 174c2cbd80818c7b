import { route } from "@/server/api/route";
import { uploadEvidenceRoute } from "@/server/services/evidence/http";

export const dynamic = "force-dynamic";

/** Upload a file as evidence (multipart/form-data): see server/services/evidence/http.ts. */
export const POST = route(uploadEvidenceRoute);
