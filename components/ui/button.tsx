/**
 * GOV.UK-style buttons. The yellow focus outline is stated here as well as for every <button> in
 * globals.css, so a link drawn as a button shows its focus too (a link's own focus style is a
 * yellow background, which a button's colour replaces).
 */
const focus = "focus-visible:outline-3 focus-visible:outline-focus focus-visible:outline-solid";

export const buttonClass = {
  primary:
    `inline-block cursor-pointer bg-success px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30] disabled:opacity-50 ${focus}`,
  secondary:
    `inline-block cursor-pointer bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9] disabled:opacity-50 ${focus}`,
  warning:
    `inline-block cursor-pointer bg-error px-4 py-2 font-bold text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16] disabled:opacity-50 ${focus}`,
} as const;
