import { expect, test } from "vitest";
import { isPrivateAddress } from "@/lib/net/private-addresses";

test("loopback, private, link-local, shared, documentation, multicast and reserved addresses are refused", () => {
  for (const address of [
    "127.0.0.1",
    "127.255.0.9",
    "0.0.0.0",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "192.0.2.2",
    "198.18.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "[::1]",
    "::",
    "::ffff:127.0.0.1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "2001:db8::1",
    "::127.0.0.1",
    "2002:7f00:1::1",
    "2001:0:4136:e378::1",
    "fec0::1",
    "64:ff9b:1::a00:1",
    "not an address",
  ])
    expect(isPrivateAddress(address), address).toBe(true);
});

test("public addresses are allowed", () => {
  for (const address of [
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "193.0.6.139",
    "::ffff:8.8.8.8",
    "2a00:1450:4001:80b::200e",
  ])
    expect(isPrivateAddress(address), address).toBe(false);
});
