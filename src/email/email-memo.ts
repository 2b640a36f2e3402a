import { createHash } from "node:crypto";
import type { EmailSource } from "./render-email.js";

/** An email's two parts as UTF-8 bytes, the way the build writes them. */
export interface EmailBytes {
  html: Uint8Array;
  text: Uint8Array;
}

/**
 * Remembers finished emails by the template output they came from. Inlining
 * (juice) and the plain-text conversion are most of an email's cost, and
 * both are pure functions of that output, the language and the links label,
 * so the key is a hash of exactly those: a hit can never be stale. Nothing
 * else (config, templates, locale) needs to be in the key, because they all
 * shape the template output itself. `gekkan dev` keeps one across rebuilds.
 */
export class EmailMemo {
  private earlier = new Map<string, EmailBytes>();
  private current = new Map<string, EmailBytes>();
  readonly stats = { finished: 0, reused: 0 };

  /** The finished email for `source`; `finish` runs only on a miss. */
  get(source: EmailSource, finish: (source: EmailSource) => EmailBytes): EmailBytes {
    const key = createHash("sha256").update(source.lang).update("\0").update(source.linksLabel).update("\0").update(source.html).digest("hex");
    let bytes = this.current.get(key) ?? this.earlier.get(key);
    if (bytes === undefined) {
      bytes = finish(source);
      this.stats.finished++;
    } else this.stats.reused++;
    this.current.set(key, bytes);
    return bytes;
  }

  /** Starts the next build: emails the last one did not ask for are dropped, so memory stays one site's worth. */
  nextBuild(): void {
    this.earlier = this.current;
    this.current = new Map();
    this.stats.finished = 0;
    this.stats.reused = 0;
  }
}
