import { describe, expect, it } from "vitest";
import { balancedOrders } from "../bench/round-order";

describe("balancedOrders (the intake bench's round order)", () => {
  for (const n of [2, 3, 4, 5, 6]) {
    const items = Array.from({ length: n }, (_, i) => `s${i}`);
    for (const start of [0, 1]) {
      it(`${n} servers, starting at round ${start}: each server once per round and equally often in each position and after each other server`, () => {
        const orders = balancedOrders(items, start);
        expect(orders).toHaveLength(n % 2 ? 2 * n : n);
        for (const order of orders) expect([...order].sort()).toEqual(items);
        const perPosition = orders.length / n;
        for (let position = 0; position < n; position++) {
          for (const item of items) expect(orders.filter((order) => order[position] === item)).toHaveLength(perPosition);
        }
        const follows = new Map<string, number>();
        for (const order of orders) for (let i = 1; i < n; i++) follows.set(`${order[i - 1]}>${order[i]}`, (follows.get(`${order[i - 1]}>${order[i]}`) ?? 0) + 1);
        expect(follows.size).toBe(n * (n - 1));
        expect(new Set(follows.values())).toEqual(new Set([orders.length / n]));
      });
    }
  }

  it("starts successive concurrencies with different servers", () => {
    const servers = ["ours", "empty", "ceiling", "baseline"];
    expect([0, 1, 2, 3].map((start) => balancedOrders(servers, start)[0][0])).toEqual(servers);
  });
});
