import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseFlags, siteRootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { DEFAULT_PORT, startDevServer } from "../dev/dev-server.js";
import { DEFAULT_HOST, exposesNetwork, hostProblem } from "../dev/host-check.js";

export const devUsage = `gekkan dev [--root DIR] [--port N] [--host H] [--open] [--no-drafts] [--no-cache]

  Builds the site in memory, serves it and rebuilds on every change to
  content/, templates/, public/ or gekkan.config.json; open pages reload by
  themselves, and a broken edit shows its location in the page while the
  last good build stays up. Nothing is written to dist/.
  --root DIR    site root (default: .)
  --port N      port to try first (default: ${DEFAULT_PORT}; the next free one if busy)
  --host H      interface to listen on (default: ${DEFAULT_HOST}, this machine only;
                0.0.0.0 = every interface: drafts become visible on the network)
  --open        open the site in a browser ($BROWSER, else the system default)
  --no-drafts   leave out issues marked draft: true (shown with a badge by default)
  --no-cache    start without the dev render cache (ROOT/.gekkan/dev-cache), and write none`;

export async function devCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, "dev");
  if (flags.help) {
    io.out(devUsage);
    return EXIT.ok;
  }
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, found ${JSON.stringify(flags.port)}`);
  const host = flags.host ?? DEFAULT_HOST;
  const badHost = hostProblem(host);
  if (badHost !== undefined) throw new UsageError(badHost);
  const root = siteRootOf(flags.root);
  // Its own cache dir: dev writes its links for "/", and sharing the build's pack would evict the build's entries.
  const cacheDir = flags["no-cache"] === true ? undefined : join(root, ".gekkan", "dev-cache");
  const server = await startDevServer({ root, port, host, drafts: flags["no-drafts"] !== true, io, cacheDir });
  if (exposesNetwork(host)) io.err(`gekkan dev: warning: listening on ${host}, so other machines on the network can open the site, drafts and scheduled issues included`);
  if (server.moved) io.out(`gekkan dev: port ${port} is busy, using ${server.port}`);
  io.out(`gekkan dev: serving ${server.url} (Ctrl-C to stop)`);
  if (flags.open) openBrowser(server.url, io);
  await untilSignal();
  await server.close();
  io.out("gekkan dev: stopped");
  return EXIT.ok;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** `$BROWSER` wins (the usual convention, and how the test observes --open); else the OS opener. */
function openBrowser(url: string, io: Io): void {
  const chosen = process.env.BROWSER;
  const [command, ...args] = chosen ? [chosen, url] : process.platform === "darwin" ? ["open", url] : process.platform === "win32" ? ["cmd", "/c", "start", "", url] : ["xdg-open", url];
  const child = spawn(command ?? "xdg-open", args, { stdio: "ignore", detached: true });
  child.on("error", () => io.err(`gekkan dev: could not open a browser; visit ${url}`));
  child.unref();
}
