// The order the intake bench runs its servers in, round by round.

/**
 * A balanced Latin square (Williams design): one round per server for an even count, two per
 * server for an odd one. Every server runs once in every position of a round and directly after
 * every other server equally often, so what a run inherits from the one before it (work the app
 * owes after a pause, a checkpoint) falls on every server alike. `start` rotates the rounds, so
 * successive concurrencies begin with a different server.
 */
export function balancedOrders<T>(items: readonly T[], start = 0): T[][] {
  const n = items.length;
  // 0, 1, n-1, 2, n-2, …: consecutive differences are all distinct mod n.
  const first = Array.from({ length: n }, (_, j) => (j === 0 ? 0 : j % 2 ? (j + 1) / 2 : n - j / 2));
  const rows = Array.from({ length: n }, (_, r) => first.map((i) => (i + r) % n));
  // For an odd count the mirrored rows are needed too before every pair follows each other once.
  const design = n % 2 ? [...rows, ...rows.map((row) => [...row].reverse())] : rows;
  return design.map((_, r) => design[(r + start) % design.length].map((i) => items[i]));
}
