// A source-address allowlist from a CIDR list ("203.0.113.0/24, 2001:db8::/32, 198.51.100.7"),
// checked with node's BlockList: one lookup per request, no parsing on the hot path.
import net from "node:net";

export type Allowlist = { readonly entries: string[]; allows(address: string | null): boolean };

/** Throws with the offending entry when one is not an IPv4/IPv6 address or CIDR range. */
export function parseAllowlist(text: string): Allowlist {
  const list = new net.BlockList();
  const entries = text.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, prefixText, ...rest] = entry.split("/");
    const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
    const max = family === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || rest.length || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`"${entry}" is not an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24, 2001:db8::/32)`);
    }
    list.addSubnet(address, prefix, family);
  }
  return {
    entries,
    allows(address) {
      if (!address) return false;
      const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
      return family !== null && list.check(address, family);
    },
  };
}
