/** The signals that ask a send to stop: Ctrl-C in a terminal, and a cancelled CI job or `kill`. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** What to call a stop signal in a message to the author. */
const SIGNAL_WORDS: Readonly<Record<(typeof STOP_SIGNALS)[number], string>> = { SIGINT: "Ctrl-C", SIGTERM: "SIGTERM" };

export interface StopSignal {
  /** How the send was asked to stop ("Ctrl-C"), or undefined while it was not. */
  readonly asked: () => string | undefined;
  /** Gives the signals back to Node's own handling. */
  readonly release: () => void;
}

/**
 * Listens for Ctrl-C (and SIGTERM) while a send runs. Ended at once, as
 * Node ends a process by default, it left the author not knowing which
 * readers had the issue, so a re-run sent some of them a second copy. The
 * first signal is noted, and the send stops after the message in flight,
 * saying who got it; it then lets go, so a second one ends the process at
 * once, for a server that hangs. `heard` is told of the first at once: the
 * message in flight can take a while, and silence reads as Ctrl-C ignored.
 */
export function stopSignal(heard: (words: string) => void = () => undefined): StopSignal {
  let asked: string | undefined;
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => {
    asked ??= SIGNAL_WORDS[signal];
    release();
    heard(asked);
  }] as const);
  const release = () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
  for (const [signal, listener] of listeners) process.on(signal, listener);
  return { asked: () => asked, release };
}
