import { describe, expect, test } from "vitest";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
// @ts-expect-error: a plain .mjs that Next loads itself (no types)
import { BoundedPageStore } from "@/lib/cache/bounded-page-store.mjs";

const { tagsManifest } = tagsManifestModule as { tagsManifest: Map<string, { expired?: number }> };

/** A stored page of about `bytes` bytes, carrying `tags`. */
const page = (bytes: number, tags = "public") => ({
  value: { kind: "APP_PAGE", html: "x".repeat(bytes), headers: { "x-next-cache-tags": tags } },
  lastModified: Date.now() - 10,
});

describe("the bounded page store", () => {
  test("keeps pages within its budget, the least recently read going first", () => {
    const store = new BoundedPageStore(3_100);
    store.set("a", page(1_000));
    store.set("b", page(1_000));
    store.set("c", page(1_000));
    expect(store.get("a")).not.toBeNull(); // a is now the most recently read
    store.set("d", page(1_000));
    expect(store.get("b")).toBeNull();
    expect(["a", "c", "d"].map((key) => store.get(key) !== null)).toEqual([true, true, true]);
    expect(store.size).toBe(3);
    expect(store.bytes).toBeLessThanOrEqual(3_100);
  });

  test("replacing a page counts it once; a page larger than the whole budget is not stored", () => {
    const store = new BoundedPageStore(2_000);
    store.set("a", page(500));
    store.set("a", page(800));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(801);
    store.set("huge", page(5_000));
    expect(store.get("huge")).toBeNull();
    expect(store.get("a")).not.toBeNull();
  });

  test("a page whose tag a publication expired is gone", () => {
    const store = new BoundedPageStore(10_000);
    store.set("list", page(100, "public,list:law"));
    store.set("other", page(100, "public,list:article"));
    tagsManifest.set("list:law", { expired: Date.now() });
    try {
      expect(store.get("list")).toBeNull();
      expect(store.size).toBe(1);
      expect(store.get("other")).not.toBeNull();
      // Stored again after the expiry, it is served.
      store.set("list", { ...page(100, "public,list:law"), lastModified: Date.now() + 1 });
      expect(store.get("list")).not.toBeNull();
    } finally {
      tagsManifest.delete("list:law");
    }
  });
});
