import { hostname, networkInterfaces } from "node:os";
import { isIP } from "node:net";

/** The dev server listens on loopback unless told otherwise. */
export const DEFAULT_HOST = "127.0.0.1";

const LOOPBACK = /^(?:localhost|[^.]+\.localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
const ANY = new Set(["0.0.0.0", "::", "[::]"]);

/** True when binding to `host` makes the server reachable from other machines. */
export function exposesNetwork(host: string): boolean {
  return !LOOPBACK.test(host);
}

/**
 * Which Host headers the dev server answers. A page on another site can
 * make the browser send requests to 127.0.0.1 under its own name (DNS
 * rebinding) and read drafts and the event stream; such a request carries
 * that foreign name in Host, so only loopback names, the host the user
 * asked for and, when listening on every interface, this machine's own
 * names and addresses are accepted.
 */
export function hostFilter(bound: string): (hostHeader: string | undefined) => boolean {
  const names = new Set<string>([bound.toLowerCase()]);
  if (ANY.has(bound)) {
    const own = hostname().toLowerCase();
    names.add(own).add(`${own}.local`);
    for (const list of Object.values(networkInterfaces())) for (const net of list ?? []) names.add(net.address.toLowerCase());
  }
  return (header) => {
    if (header === undefined) return false;
    const host = hostOnly(header.trim().toLowerCase());
    return LOOPBACK.test(host) || names.has(host) || names.has(host.replace(/^\[|\]$/g, ""));
  };
}

/** "example.org:4321" → "example.org"; "[::1]:4321" → "[::1]". */
function hostOnly(header: string): string {
  if (header.startsWith("[")) return header.slice(0, header.indexOf("]") + 1);
  const colon = header.lastIndexOf(":");
  return colon !== -1 && isIP(header) !== 6 ? header.slice(0, colon) : header;
}

/** A --host value that binds nowhere sensible ("", "0") is a usage mistake, not "every interface". */
export function hostProblem(host: string): string | undefined {
  if (host.trim() === "" || host === "0") return `--host needs an interface address or name, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface), found ${JSON.stringify(host)}`;
  return undefined;
}
