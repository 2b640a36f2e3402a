import type { VFileMessage } from "vfile-message";
import { ContentError, formatDiagnostic } from "../diagnostics.js";
import { templateError } from "./template-error.js";

/**
 * The author errors of the stages that fill templates (pages, feeds, emails),
 * gathered instead of stopping at the first stage that has one: a mistake met
 * only while rendering (an undefined variable) in the issue template used to
 * hide the email template's own, so the author saw the second only after
 * fixing the first. Each stage still runs once; the run stops after the last.
 */
export class RenderErrors {
  // By their text: a block partial's mistake is met again in the feeds and the emails, and is reported once.
  private readonly messages = new Map<string, VFileMessage>();

  constructor(private readonly root: string) {}

  /** Whether a stage so far had an author error (what follows is then only checked, never written). */
  get found(): boolean {
    return this.messages.size > 0;
  }

  /** Runs one stage; its author errors (template errors located) are noted and it gives undefined. Any other error is thrown as it is. */
  async run<T>(step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      const located = templateError(error, this.root);
      if (!(located instanceof ContentError)) throw located;
      for (const message of located.messages) this.messages.set(formatDiagnostic(message), message);
      return undefined;
    }
  }

  /** Stops the run with every error noted, all at once; nothing when there was none. */
  throwIfFound(): void {
    if (this.found) throw new ContentError([...this.messages.values()]);
  }
}
