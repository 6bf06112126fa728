import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";
import { isPrivateAddress } from "./private-addresses";

/** Why a fetch was not made or not finished, in words for the editor who asked for it. */
export class FetchRefusedError extends Error {}

export type SafeFetchOptions = {
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Loopback and private networks too (an admin's setting, and the tests' local servers). */
  allowPrivate: boolean;
  userAgent: string;
};

export type FetchedResponse = {
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** Decoded as the server's Content-Encoding says; read it before `signal` ends the fetch. */
  body: ReadableStream<Uint8Array>;
  /** Ends the fetch (and the body) early; the deadline does it by itself. */
  abort: () => void;
  /** Whether the deadline ended it (the body then fails with a reset, not an AbortError). */
  timedOut: () => boolean;
};

/**
 * GET for a URL an editor typed: only http and https, never an address on the private network or
 * loopback (checked for every address a name resolves to, at connection time, so that a name
 * that changes its answer between check and use gains nothing), redirects followed by hand and
 * each checked the same way, the whole within one deadline.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchedResponse> {
  const controller = new AbortController();
  let expired = false;
  const deadline = setTimeout(() => {
    expired = true;
    controller.abort();
  }, options.timeoutMs);
  const abort = () => {
    clearTimeout(deadline);
    controller.abort();
  };
  try {
    let current = parseTarget(url);
    for (let hop = 0; ; hop++) {
      const response = await request(current, options, controller.signal);
      const location = response.headers.location;
      if (response.statusCode && [301, 302, 303, 307, 308].includes(response.statusCode) && location) {
        response.destroy();
        if (hop >= options.maxRedirects) throw new FetchRefusedError(`More than ${options.maxRedirects} redirects.`);
        current = parseTarget(new URL(location, current).href);
        continue;
      }
      const decoded = decode(response);
      decoded.once("close", () => clearTimeout(deadline));
      return {
        finalUrl: current.href,
        status: response.statusCode ?? 0,
        contentType: response.headers["content-type"] ?? null,
        body: Readable.toWeb(decoded) as ReadableStream<Uint8Array>,
        abort,
        timedOut: () => expired,
      };
    }
  } catch (error) {
    const timedOut = controller.signal.aborted;
    abort();
    if (timedOut) throw new FetchRefusedError(`No answer within ${options.timeoutMs / 1000} s.`);
    throw error;
  }
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError(`${raw} is not an address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusedError(`Only http and https addresses are fetched, not ${url.protocol.slice(0, -1)}.`);
  }
  if (url.username || url.password)
    throw new FetchRefusedError("Addresses with a user name or password are not fetched.");
  return url;
}

function request(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Node connects to an address written as such without asking `lookup`: checked here instead.
  if (isIP(host) && !options.allowPrivate && isPrivateAddress(host)) {
    return Promise.reject(refusedAddress(url.hostname));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.get(
      url,
      {
        signal,
        agent: false,
        lookup: checkedLookup(options.allowPrivate),
        headers: {
          "user-agent": options.userAgent,
          accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    outgoing.once("error", (error) => reject(error instanceof FetchRefusedError ? error : unreachable(url, error)));
  });
}

function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(refusedAddress(`${hostname} (${refused.address})`), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

function refusedAddress(host: string): FetchRefusedError {
  return new FetchRefusedError(
    `${host} is on a private network or this machine; the archive fetches only public addresses.`,
  );
}

function unreachable(url: URL, error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (error.name === "AbortError") return error;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new FetchRefusedError(`${url.hostname} was not found.`);
  if (code === "ECONNREFUSED") return new FetchRefusedError(`${url.host} refused the connection.`);
  return new FetchRefusedError(`${url.host} could not be reached (${code ?? error.message}).`);
}

function decode(response: http.IncomingMessage): Readable {
  const decoder = decoderFor(response.headers["content-encoding"]);
  // pipeline, not pipe: an aborted response or a corrupt stream errors the body rather than stalling it.
  return decoder ? pipeline(response, decoder, () => {}) : response;
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
