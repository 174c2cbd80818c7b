/** "Today" for the rules. One place, so tests and the demo can reason about a fixed clock. */
export function today(): Date {
  return new Date();
}
