import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

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
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
    }
  }
  throw new Error(`no free port between ${port} and ${port + attempts - 1} on ${host}`);
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
