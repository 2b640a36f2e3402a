import { escapeXml } from "../escape.js";

/** What a task's box says to a screen reader, in the language. */
export interface TaskLabels {
  done: string;
  open: string;
}

// The boxes gekkan's serialiser writes for a task list (`- [x]`), and any <input type="checkbox"> written in the Markdown as HTML.
const CHECKBOX = /<input\b[^>]*\btype="checkbox"[^>]*>/gi;

/**
 * The email's task-list boxes as characters: ☑ for a done item, ☐ for one
 * still to do. Outlook for Windows, whose engine is Word's, shows no form
 * control, and Orange's webmail renames <input> to <noinput> (caniemail),
 * so a reader there saw a list with no sign of what is done; where a box
 * does show, it is a control in a message nobody can send anywhere. Each
 * character is an image to a screen reader, named as done or not, as the
 * box was read out. The web page keeps its boxes; the text part reads
 * them as [x] and [ ] (text-formatters.ts), from the HTML before this.
 */
export function taskBoxes(html: string, labels: TaskLabels): string {
  return html.replace(CHECKBOX, (input) => {
    const done = /\schecked(?=[\s=/>])/i.test(input);
    return `<span role="img" aria-label="${escapeXml(done ? labels.done : labels.open)}">${done ? "☑" : "☐"}</span>`;
  });
}
