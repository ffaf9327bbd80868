/**
 * The one clock commands read. Rules never read time themselves; they take `now` as an argument,
 * so tests can put fixtures on either side of an instant.
 */
export function now(): Date {
  return new Date();
}
