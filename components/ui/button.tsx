/** GOV.UK-style buttons. */
export const buttonClass = {
  primary:
    "inline-block cursor-pointer bg-success px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30] disabled:opacity-50",
  secondary:
    "inline-block cursor-pointer bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9] disabled:opacity-50",
  warning:
    "inline-block cursor-pointer bg-error px-4 py-2 font-bold text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16] disabled:opacity-50",
} as const;
