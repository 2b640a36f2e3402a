/** Who a send goes out from: the address in MAIL FROM and the config field it came from (email.from, or an edition's languages.<lang>.email.from). */
export interface EnvelopeSender {
  address: string;
  field: string;
}

/** THE way a message about the sender names it: with the field the author would edit, since an edition can have a sender of its own. */
export function senderNamed(sender: EnvelopeSender): string {
  return `the sender ${sender.address} (${sender.field} in the config)`;
}
