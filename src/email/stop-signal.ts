import { constants } from "node:os";

/** The signals that ask a send to stop: Ctrl-C in a terminal, and a cancelled CI job or `kill`. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** What to call a stop signal in a message to the author. */
const SIGNAL_WORDS: Readonly<Record<(typeof STOP_SIGNALS)[number], string>> = { SIGINT: "Ctrl-C", SIGTERM: "SIGTERM" };

/** A stop asked for: what to call it, and the exit code that says so. */
export interface StopAsked {
  /** "Ctrl-C", "SIGTERM". */
  words: string;
  /**
   * 128 and the signal's number (130 for SIGINT, 143 for SIGTERM), as a
   * shell gives a command a signal ended: CI and scripts read a send cut
   * short by a cancelled job as cancelled, not as a mistake in the site.
   */
  exitCode: number;
}

export interface StopSignal {
  /** How the send was asked to stop, or undefined while it was not. */
  readonly asked: () => StopAsked | undefined;
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
  let asked: StopAsked | undefined;
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => {
    asked ??= { words: SIGNAL_WORDS[signal], exitCode: 128 + constants.signals[signal] };
    release();
    heard(asked.words);
  }] as const);
  const release = () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
  for (const [signal, listener] of listeners) process.on(signal, listener);
  return { asked: () => asked, release };
}
