/**
 * Inputs of change requests on an accepted plan (server/domain/change-control.ts). Browser-safe:
 * the request forms validate with these too. Each field carries its own kind of new value.
 */
import { z } from "zod";
import { ChangeRequestStatus } from "@/server/generated/prisma/enums";
import { figure, id, requiredDay, slug, textInput } from "@/server/schemas/common";
import { milestoneFields } from "@/server/schemas/measure";

const reason = textInput().trim().min(1, "Enter the reason for the change").max(2000, "The reason must be 2000 characters or fewer");
const base = { entityId: id, reason };

export const requestChangeSchema = z.discriminatedUnion("field", [
  z.object({ ...base, field: z.literal("action.title"), newValue: textInput().trim().min(1, "Enter the new title").max(200, "The title must be 200 characters or fewer") }),
  z.object({ ...base, field: z.literal("action.description"), newValue: textInput().trim().max(5000, "The description must be 5000 characters or fewer") }),
  z.object({ ...base, field: z.literal("action.dueDate"), newValue: requiredDay("the new due date") }),
  z.object({ ...base, field: z.literal("measure.targetValue"), newValue: figure("Enter the new target value as a number") }),
  z.object({ ...base, field: z.literal("measure.targetDate"), newValue: requiredDay("the new target date") }),
  z.object({ ...base, field: z.literal("measure.milestones"), newValue: z.array(milestoneFields).max(40, "A measure can have up to 40 milestones") }),
]);
export type RequestChangeInput = z.infer<typeof requestChangeSchema>;

export const decideChangeSchema = z
  .object({
    id,
    decision: z.enum(["APPROVE", "REJECT"], "Choose whether to approve or reject the change"),
    note: textInput().trim().max(2000, "The note must be 2000 characters or fewer"),
  })
  .refine((d) => d.decision === "APPROVE" || d.note.length > 0, { path: ["note"], message: "Say why the change is rejected" });
export type DecideChangeInput = z.infer<typeof decideChangeSchema>;

export const listChangeRequestsSchema = z.object({ slug, status: z.enum(ChangeRequestStatus).optional() });
export const changeHistorySchema = z.object({ entityType: z.enum(["Action", "Measure"]), entityId: id });
