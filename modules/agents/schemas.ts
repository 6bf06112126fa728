import { z } from "zod";
import { text } from "@/lib/validation";
import { agentKinds } from "@/db/schema/vocabulary";

const nameText = text().trim().max(300, "Use at most 300 characters.");

/** A BCP 47 tag ("ky", "ru-Latn"), canonicalized so that "ky-cyrl" and "ky-Cyrl" are one code. */
const langCode = text()
  .trim()
  .max(35, "Use a short code such as ky, ru or ky-Latn.")
  .transform((value, context) => {
    if (value === "") return "";
    try {
      return Intl.getCanonicalLocales(value)[0] ?? value;
    } catch {
      context.addIssue({ code: "custom", message: "Use a language code such as ky, ru or ky-Latn." });
      return z.NEVER;
    }
  });

const nameRow = z.object({ name: nameText.default(""), lang: langCode.default("") }).superRefine((row, context) => {
  if (row.name === "" && row.lang !== "")
    context.addIssue({ code: "custom", path: ["name"], message: "Enter the name, or remove this row." });
});

const linkRow = z
  .object({
    label: text().trim().max(200, "Use at most 200 characters.").default(""),
    url: text()
      .trim()
      .max(2000, "Use at most 2,000 characters.")
      .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "Use a web address (https://…)." })]))
      .default(""),
  })
  .superRefine((row, context) => {
    if (row.url === "" && row.label !== "")
      context.addIssue({ code: "custom", path: ["url"], message: "Enter the address, or remove this row." });
  });

/** An edited address: lower-case letters, digits and single hyphens. Empty keeps the current one. */
const slugInput = text()
  .trim()
  .max(80, "Use at most 80 characters.")
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, "Use lower-case letters, digits and hyphens (sadyr-japarov).")
  .default("");

const agentFields = z.object({
  kind: z.enum(agentKinds, { message: "Choose a kind." }),
  preferredName: nameText.min(1, "Enter a name."),
  description: text().trim().max(5000, "Use at most 5,000 characters.").default(""),
  // Rows are validated where they stand (errors keep the form's row numbers); empty ones go after.
  names: z.array(nameRow).max(200, "Keep it to 200 names.").default([]),
  links: z.array(linkRow).max(50, "Keep it to 50 links.").default([]),
});

function tidy<T extends z.output<typeof agentFields>>(agent: T): T {
  return {
    ...agent,
    names: distinctNames(agent.preferredName, agent.names),
    links: agent.links.filter((link) => link.url !== ""),
  };
}

export const agentInput = agentFields.transform(tidy);
export const agentUpdateInput = agentFields.extend({ slug: slugInput }).transform(tidy);

export type AgentInput = z.input<typeof agentInput>;
export type AgentUpdateInput = z.input<typeof agentUpdateInput>;
export type AgentValues = z.output<typeof agentInput>;

/** Drops empty rows, repeats, and a language-less repeat of the preferred name. */
function distinctNames(preferred: string, rows: { name: string; lang: string }[]) {
  const fold = (name: string) => name.normalize("NFC").toLocaleLowerCase();
  const seen = new Set([`${fold(preferred)}\u0000`]);
  return rows.filter((row) => {
    const key = `${fold(row.name)}\u0000${row.lang.toLowerCase()}`;
    if (row.name === "" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const inlineAgentInput = z.object({
  name: nameText.min(1, "Type a name first."),
  kind: z.enum(agentKinds, { message: "Choose a kind." }).default("other"),
});
