/** "1 action", "3 actions", "2 families": a count with its noun. */
export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
