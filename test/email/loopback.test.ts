/**
 * Plain smtp:// must upgrade with STARTTLS, so credentials never cross a
 * network in the clear, except to this machine. "This machine" was only
 * 127.0.0.1, ::1 and localhost, so a local relay on 127.0.0.2 (a second
 * loopback address, as Debian's own hostname entry uses) was refused for
 * having no STARTTLS. A real SMTP server without STARTTLS on 127.0.0.2
 * takes the message; the rule itself is checked on written-out addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback, sendAll } from "../../src/email/send.js";
import { localSmtp, type LocalSmtp } from "../helpers/smtp.js";

let smtp: LocalSmtp;

beforeAll(async () => {
  smtp = await localSmtp("127.0.0.2");
});

afterAll(() => smtp.close());

describe("sending to this machine without STARTTLS", () => {
  it("a relay on 127.0.0.2 takes the message over plain smtp://", async () => {
    const url = new URL(`smtp://127.0.0.2:${smtp.port}`);
    await sendAll({ url, label: `smtp://127.0.0.2:${smtp.port}` }, { address: "news@example.org", field: "email.from" }, [{ to: ["reader@example.org"], raw: Buffer.from("From: news@example.org\r\nTo: reader@example.org\r\nSubject: x\r\n\r\nbody\r\n") }]);
    expect(smtp.received).toHaveLength(1);
  });

  it.each([
    ["127.0.0.1", true], ["127.0.0.2", true], ["127.255.255.254", true], ["localhost", true], ["[::1]", true],
    [new URL("smtp://[::ffff:127.0.0.2]/").hostname, true],
    ["128.0.0.1", false], ["10.0.0.1", false], ["[::2]", false], [new URL("smtp://[::ffff:10.0.0.1]/").hostname, false],
    ["127.0.0.1.example.org", false], ["localhost.example.org", false], ["smtp.example.org", false],
  ])("%s is this machine: %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
