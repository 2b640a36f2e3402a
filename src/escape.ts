/** Text for XML or HTML, in element content or a double-quoted attribute: the one escaping rule for text gekkan writes by hand. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
