/** A URL part decoded ("my%20diagram.png" is "my diagram.png", a Japanese slug as a browser shows it), or as it is when it does not decode. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
