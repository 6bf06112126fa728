import { z } from "zod";

/**
 * Opaque cursors: where a page of a list ended, as base64url JSON. Clients pass back the `next`
 * address they were given; the shape inside may change without a new API version.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** The `cursor` parameter, decoded to a position of `shape`; anything this API did not hand out is refused. */
export function cursorParam<T>(shape: z.ZodType<T>) {
  return z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a cursor this API gave")
    .transform((text, ctx) => {
      const position = shape.safeParse(decode(text));
      if (position.success) return position.data;
      ctx.addIssue({ code: "custom", message: "Not a cursor this API gave" });
      return z.NEVER;
    });
}

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
