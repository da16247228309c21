// Counting words as messages and titles write them.

/** `1 cable`, `2 cables`; `many` for plurals not made with `s` (`3 entries`). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
