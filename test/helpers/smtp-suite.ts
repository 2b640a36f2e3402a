import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { localSmtp, type LocalSmtp } from "./smtp.js";
import { tempSite, type TempDir } from "./temp-site.js";

export interface SmtpSuite {
  /** The file's server, started before its first test. */
  readonly smtp: LocalSmtp;
  /** A site (tempSite) removed after the test that made it. */
  site: (files: Readonly<Record<string, string | Uint8Array>>) => TempDir;
}

/**
 * A real SMTP server on 127.0.0.1 for the tests of one file, started once,
 * and what each test leaves: every test starts with no message received,
 * no site of an earlier test on disk and the environment as it was (the
 * tests stub GEKKAN_SMTP_URL and SOURCE_DATE_EPOCH), so any one runs alone.
 */
export function smtpSuite(): SmtpSuite {
  let server: LocalSmtp | undefined;
  const sites: TempDir[] = [];
  beforeAll(async () => {
    server = await localSmtp();
  });
  afterEach(() => {
    for (const site of sites.splice(0)) site.remove();
    if (server !== undefined) {
      server.received.length = 0;
      server.envelopes.length = 0;
    }
    vi.unstubAllEnvs();
  });
  afterAll(() => server?.close());
  return {
    get smtp() {
      if (server === undefined) throw new Error("test bug: the SMTP server starts before the file's first test");
      return server;
    },
    site: (files) => {
      const site = tempSite(files);
      sites.push(site);
      return site;
    },
  };
}
