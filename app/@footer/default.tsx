/**
 * The footer's area line on every page the slot has no page of its own for (all but a published
 * area's public pages): none.
 */
export default function NoAreaContact() {
  return null;
}
