/** Provisional or validated: the choice both value forms offer. */
import type { UseFormRegisterReturn } from "react-hook-form";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { MEASURE_VALUE_STATUS } from "@/lib/labels";

const HINTS = {
  PROVISIONAL: "Not yet checked: it may change when the figures are validated.",
  VALIDATED: "Checked against the source and final.",
} as const;

export function ValueStatusChoice({ prefix, registration, error }: { prefix: string; registration: UseFormRegisterReturn; error?: string }) {
  return (
    <Fieldset id={`${prefix}-status`} legend="Is the figure provisional or validated?" error={error}>
      {(["PROVISIONAL", "VALIDATED"] as const).map((status, i) => (
        // The first radio carries the group's id, so the error summary's link lands on it.
        <Choice
          key={status}
          id={i === 0 ? `${prefix}-status` : `${prefix}-status-${status}`}
          type="radio"
          value={status}
          label={MEASURE_VALUE_STATUS[status]}
          hint={HINTS[status]}
          {...registration}
        />
      ))}
    </Fieldset>
  );
}
