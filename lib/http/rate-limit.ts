// A per-address token bucket for requests that cost us a write and earn nothing (invalid
// callbacks). O(1) per call, and bounded: at most `maxKeys` addresses are tracked; the least
// recently seen is forgotten first (a Map keeps insertion order, and a hit re-inserts). IPv6
// addresses count per /64, the block one subscriber usually holds, so rotating through it does
// not mint fresh budgets.

export type RateLimiter = {
  /** Takes one token for `address`; false when its bucket is empty. */
  take(address: string | null, now?: number): boolean;
  readonly size: number;
};

export function createRateLimiter(options: { perMinute: number; burst?: number; maxKeys?: number }): RateLimiter {
  const burst = options.burst ?? options.perMinute;
  const maxKeys = options.maxKeys ?? 10_000;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    get size() {
      return buckets.size;
    },
    take(address, now = Date.now()) {
      const key = address === null ? "" : addressKey(address);
      const bucket = buckets.get(key);
      let tokens = burst;
      if (bucket) {
        tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
        buckets.delete(key);
      } else if (buckets.size >= maxKeys) {
        buckets.delete(buckets.keys().next().value!);
      }
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
      return allowed;
    },
  };
}

/** IPv4 as is; IPv6 by its first four groups (/64). */
export function addressKey(address: string): string {
  if (!address.includes(":")) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
