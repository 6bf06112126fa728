import type { Known, KnownAgent, KnownLaw, KnownSource, Named } from "./known";
import { lawAddress } from "./known";
import type { Reference, RowError } from "./records";

/** Where a reference stands in the file, for its error. */
export type At = Omit<RowError, "reason">;

/** A source an import creates because a record cites it by title or URL and the archive has none. */
export type NewSource = KnownSource & { at: At };

/**
 * Finds what the records of a file refer to: the file's own records first (by external id), then
 * the archive (by external id of an earlier import, then as the read API names it: a public URL,
 * a name, a title). Every reference that finds nothing is a row error.
 */
export class Resolver {
  readonly errors: RowError[] = [];
  readonly newSources: NewSource[] = [];

  constructor(
    private readonly known: Known,
    private readonly nextSourceId: () => number,
  ) {}

  fail(at: At, reason: string): null {
    this.errors.push({ ...at, reason });
    return null;
  }

  jurisdiction(code: string, at: At): { code: string; name: string } | null {
    const name = this.known.jurisdictions.get(code);
    if (name === undefined)
      return this.fail(at, `There is no jurisdiction ${code}. An admin adds jurisdictions under Jurisdictions.`);
    return { code, name };
  }

  topic(slug: string, at: At): Named | null {
    return this.known.topics.get(slug) ?? this.fail(at, `There is no topic "${slug}". Add it to the file's topics.`);
  }

  agent(ref: Reference, at: At): KnownAgent | null {
    const { agents } = this.known;
    const found =
      (ref.externalId && agents.byKey.get(ref.externalId)) ||
      (ref.slug && agents.bySlug.get(ref.slug)) ||
      (ref.url && agents.bySlug.get(lastSegment(ref.url, "agents") ?? "")) ||
      (ref.name && agents.byName.get(ref.name)) ||
      // A bare string in a CSV cell or a list is an external id, or else a name.
      (ref.externalId && !ref.name && agents.byName.get(ref.externalId));
    return found || this.fail(at, `No agent ${describe(ref)} in this file or the archive.`);
  }

  law(ref: Reference, at: At): KnownLaw | null {
    const { laws } = this.known;
    const address = ref.url ? lawPath(ref.url) : null;
    const found =
      (ref.externalId && laws.byKey.get(ref.externalId)) ||
      (address && laws.byAddress.get(address)) ||
      (ref.title && laws.byTitle.get(ref.title)) ||
      (ref.externalId && !ref.title && laws.byTitle.get(ref.externalId));
    return found || this.fail(at, `No law ${describe(ref)} in this file or the archive.`);
  }

  /**
   * A cited source: the one named, or else one with the URL or title given; a source cited by a
   * title or URL the archive does not have is created from them.
   */
  source(ref: Reference | null | undefined, title: string | null | undefined, url: string | null | undefined, at: At) {
    const { sources } = this.known;
    const wanted: Reference = {
      ...ref,
      title: ref?.title ?? title ?? undefined,
      url: ref?.url ?? url ?? undefined,
    };
    if (!wanted.externalId && !wanted.title && !wanted.url) return null;
    const found =
      (wanted.externalId && sources.byKey.get(wanted.externalId)) ||
      (wanted.url && sources.byUrl.get(wanted.url)) ||
      (wanted.title && sources.byTitle.get(wanted.title)) ||
      (wanted.externalId && !wanted.title && !wanted.url && sources.byTitle.get(wanted.externalId));
    if (found) return found;
    if (!wanted.title && !wanted.url)
      return this.fail(at, `No source ${describe(wanted)} in this file or the archive.`);
    const made: NewSource = {
      id: this.nextSourceId(),
      title: wanted.title || wanted.url!,
      url: wanted.url ?? "",
      archivedUrl: "",
      at,
    };
    this.addSource(made);
    this.newSources.push(made);
    return made;
  }

  addSource(source: KnownSource, key?: string) {
    const { sources } = this.known;
    if (key) sources.byKey.set(key, source);
    if (source.url && !sources.byUrl.has(source.url)) sources.byUrl.set(source.url, source);
    if (!sources.byTitle.has(source.title)) sources.byTitle.set(source.title, source);
  }
}

function describe(ref: Reference): string {
  const parts = [
    ref.externalId && `with externalId "${ref.externalId}"`,
    ref.url && `at ${ref.url}`,
    ref.name && `named "${ref.name}"`,
    ref.title && `titled "${ref.title}"`,
    ref.slug && `with slug "${ref.slug}"`,
  ].filter(Boolean);
  return parts.join(" or ");
}

/** "https://site/agents/jane-doe" or "/agents/jane-doe" → "jane-doe". */
function lastSegment(url: string, section: string): string | null {
  const path = pathOf(url);
  const match = new RegExp(`^/${section}/([^/?#]+)/?$`).exec(path);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** "/laws/kg/on-rehabilitation" → "KG/on-rehabilitation". */
function lawPath(url: string): string | null {
  const match = /^\/laws\/([^/?#]+)\/([^/?#]+)\/?$/.exec(pathOf(url));
  return match ? lawAddress(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)) : null;
}

function pathOf(url: string): string {
  try {
    return new URL(url, "http://x").pathname;
  } catch {
    return "";
  }
}
