/** Walk entries for a person's rights: the subject access export and erasure (administrators only). */
import { createUser } from "@/prisma/factories";
import type { Specs } from "@/server/testing/walk/spec";

export const PERSONAL_DATA_SPECS: Specs = {
  "personalData.export": { scope: "global", input: (fx) => ({ userId: fx.users.CONTRIBUTOR }) },
  // A person of their own for each call: an erased one stays erased.
  "personalData.erase": { scope: "global", input: async (_fx, db) => ({ userId: (await createUser(db)).id }) },
};
