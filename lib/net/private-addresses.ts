import { BlockList, isIP } from "node:net";

// Loopback, private, link-local, carrier-grade NAT, multicast, reserved and documentation ranges:
// addresses a server-side fetch must not reach on a reader's or editor's say-so (RFC 6890).
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  // Unspecified, loopback, and IPv4-compatible (::a.b.c.d, deprecated but still parsed).
  ["::", 96],
  ["::1", 128],
  // IPv4 translated to IPv6 (NAT64). Mapped IPv4 (::ffff:a.b.c.d) needs no rule: BlockList checks
  // it against the IPv4 rules above.
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  // Teredo and 6to4 carry IPv4 addresses inside: they could reach an internal network.
  ["2001::", 32],
  ["2002::", 16],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** Whether an IP address (v4 or v6, brackets allowed) is one a public fetch must not reach. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return true;
  return blocked.check(bare, family === 4 ? "ipv4" : "ipv6");
}
