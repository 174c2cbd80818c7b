/**
 * API tokens (/api/v1): the scopes as the API names them, and the inputs of the procedures that
 * make, list and revoke tokens. Browser-safe: the token form validates with these same schemas.
 */
import { z } from "zod";
import { ApiTokenScope } from "@/server/generated/prisma/enums";
import { id, requiredDay, slug, textInput } from "@/server/schemas/common";

/** Each scope as requests and documents name it, and what it lets a token do, in words. */
export const API_SCOPES = {
  "plan:read": { code: ApiTokenScope.PLAN_READ, label: "Read the plan", hint: "The plan with its findings, actions and measures, and the whole plan as JSON." },
  "measures:read": { code: ApiTokenScope.MEASURES_READ, label: "Read measures", hint: "A measure with all its values." },
  "values:write": { code: ApiTokenScope.VALUES_WRITE, label: "Write measure values", hint: "Send values for the plan's measures, by the same rules as the value form." },
} as const;

export type ApiScopeName = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScopeName[];

export const scopeName = (code: ApiTokenScope): ApiScopeName => API_SCOPE_NAMES.find((n) => API_SCOPES[n].code === code)!;

/** The longest a token may work: a year, so a forgotten one stops by itself. */
export const MAX_TOKEN_DAYS = 366;

/** Every token starts so, so a secret scanner (or a person) can tell one in a file or a log. */
export const TOKEN_PREFIX = "hw_";

export const createApiTokenSchema = z.object({
  slug,
  name: textInput().trim().min(1, "Enter a name for the token, like the system that will use it").max(80, "The name must be 80 characters or fewer"),
  scopes: z.array(z.enum(API_SCOPE_NAMES)).min(1, "Choose at least one thing the token may do").max(API_SCOPE_NAMES.length),
  /** The last day the token works, "yyyy-mm-dd": after today, at most a year ahead (the service checks, by its clock). */
  expiresOn: requiredDay("the last day the token works", { invalid: "The last day must be a real date" }),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id });
