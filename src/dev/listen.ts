import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { UsageError } from "../diagnostics.js";

/** The port `gekkan dev` tries first. */
export const DEFAULT_PORT = 4321;

export interface Listening {
  host: string;
  port: number;
  /** True when the requested port was taken and a later one was used. */
  moved: boolean;
}

/** Listens on `port`, or the next free port after it (port 0: any free port). */
export async function listenFrom(server: Server, host: string, port: number, attempts = 50): Promise<Listening> {
  for (let i = 0; i < attempts; i++) {
    const candidate = port === 0 ? 0 : port + i;
    try {
      await listenOnce(server, host, candidate);
      const address = server.address() as AddressInfo;
      return { host, port: address.port, moved: port !== 0 && address.port !== port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw listenProblem(error, host, candidate);
    }
  }
  throw new UsageError(`every port from ${port} to ${port + attempts - 1} on ${host} is in use; stop what uses them, or give another --port`);
}

/** Why the server cannot listen, in words with the fix, when the cause is the --host or --port given; anything else as it is. */
function listenProblem(error: unknown, host: string, port: number): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return new UsageError(`--host ${host}: no such host name here; give an address of this machine, such as 127.0.0.1 (the default), or 0.0.0.0 for every interface`);
    case "EADDRNOTAVAIL":
      return new UsageError(`--host ${host} is not an address of this machine; give one of its own, such as 127.0.0.1 (the default), or 0.0.0.0 for every interface`);
    case "EACCES":
    case "EPERM":
      return new UsageError(`this system lets only administrators use port ${port}; give a port from 1024 up, such as the default ${DEFAULT_PORT}`);
    case "EADDRINUSE":
      return new UsageError(`port ${port} on ${host} is in use; stop what uses it, or give another --port`);
    default:
      return error;
  }
}

function listenOnce(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
