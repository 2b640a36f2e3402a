import { LiquidError, ParseError, Parser, TokenizationError, Tokenizer, TypeGuards, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { meantTag, unknownTag } from "./template-error.js";

/**
 * Tokenisations of one file, and reads ahead for a failed block's end tag,
 * after which the search for further errors stops: each costs a reading of
 * the file, and a file of nothing but broken tags would take the square of
 * its length. A template with this many mistakes has shown its author enough.
 */
const MOST = 50;

/** Liquid's branch tags: inside a block whose own tag failed, they belong to it, not to the block around. */
const BRANCHES: ReadonlySet<string> = new Set(["else", "elsif", "when"]);

/**
 * Every syntax error of one template, in the order of the file. Liquid stops
 * at a file's first error, so an author fixed one, built again and only then
 * met the next. Liquid itself still reads every piece: when a tag or an output
 * fails, it stands for nothing and its block's body is read on to the block's
 * end tag; a tag or output left open is blanked out (the same length, the same
 * line breaks, so every later place is the file's own) and the file is read
 * again. A template Liquid reads without error gives none here: nothing is
 * looked at differently until Liquid has thrown.
 */
export function syntaxErrors(liquid: Liquid, text: string, file: string): LiquidError[] {
  const { tagDelimiterLeft, outputDelimiterLeft } = liquid.options;
  const errors: LiquidError[] = [];
  let input = text;
  // Where a tag left open (or a raw block) cut the file: no later tag was read, so a block open there is not reported as unclosed: the cut tag may have been its end.
  let cut: number | undefined;
  for (let tries = 0; tries < MOST; tries++) {
    let tokens: TopLevelToken[];
    try {
      tokens = new Tokenizer(input, liquid.options.operators, file, undefined, liquid.options.groupedExpressions).readTopLevelTokens(liquid.options);
    } catch (error) {
      if (!(error instanceof TokenizationError)) throw error;
      errors.push(error);
      const at = error.token.begin;
      // Liquid's three: `output "{{ x" not closed`, `tag "{% x" not closed`, `raw "{% raw %}…" not closed`.
      const kind = /^\w+/.exec(error.message)?.[0];
      if (kind === "output") {
        input = blank(input, at, at + outputDelimiterLeft.length);
      } else if (kind === "tag") {
        input = blank(input, at, at + tagDelimiterLeft.length);
        cut = Math.min(cut ?? at, at);
      } else if (kind === "raw") {
        // A raw block without {% endraw %}: all of the rest is its text, never read as Liquid.
        const opener = Math.max(0, input.lastIndexOf(tagDelimiterLeft, at - 1));
        input = blank(input, opener, input.length);
        cut = Math.min(cut ?? opener, opener);
      } else {
        break;
      }
      continue;
    }
    errors.push(...new RecoveringParse(liquid, cut).run(tokens));
    break;
  }
  return withoutFollowOns(errors.sort((a, b) => a.token.begin - b.token.begin));
}

/**
 * `{% fro x in items %}…{% endfor %}`: the misspelt tag is the mistake (its
 * message names the tag it most likely is), and the endfor it leaves without
 * its block follows from it; reported too, it told the author that a tag
 * opened earlier was missing its end, and sent them looking for one. Each
 * misspelt tag accounts for the first such end tag after it.
 */
function withoutFollowOns(errors: readonly LiquidError[]): LiquidError[] {
  const meant: string[] = [];
  return errors.filter((error) => {
    const name = unknownTag(error.message);
    if (name === undefined) return true;
    const opened = name.startsWith("end") ? meant.indexOf(name.slice("end".length)) : -1;
    if (opened !== -1) {
      meant.splice(opened, 1);
      return false;
    }
    const guess = meantTag(name);
    if (guess !== undefined) meant.push(guess);
    return true;
  });
}

/** `text` with [from, to) made spaces, line breaks kept: every other place keeps its line and column. */
function blank(text: string, from: number, to: number): string {
  return `${text.slice(0, from)}${text.slice(from, to).replace(/[^\r\n]/g, " ")}${text.slice(to)}`;
}

/** A tag being read: its token, and the tokens its body is read from. */
interface Open {
  readonly tag: TagToken;
  readonly tokens: TopLevelToken[];
}

/** A stray end tag closes a block further out: the blocks inside it are left, unclosed, back to it. */
class Unwind extends Error {
  constructor(
    readonly target: Open,
    readonly closer: TagToken,
  ) {
    super(`{% ${closer.name} %} closes {% ${target.tag.name} %}`);
  }
}

type Parsed = ReturnType<Parser["parseToken"]>;

/**
 * Liquid's parser, each token through it as before, with a failure noted
 * rather than thrown. The parse is Liquid's own (its tags, gekkan's `render`
 * and `for`), on a parser of its own, so the site's Liquid is not changed.
 */
class RecoveringParse {
  private readonly errors: LiquidError[] = [];
  private readonly open: Open[] = [];
  private readonly parser: Parser;
  private readonly plain: Parser["parseToken"];
  private resyncs = 0;

  constructor(
    liquid: Liquid,
    private readonly cut: number | undefined,
  ) {
    this.parser = new Parser(liquid);
    this.plain = this.parser.parseToken.bind(this.parser);
    // Block tags read their bodies through the parser they were given, so every token of the file comes through here.
    this.parser.parseToken = (token, remain) => this.parseToken(token, remain);
  }

  run(tokens: TopLevelToken[]): LiquidError[] {
    this.parser.parseTokens(tokens);
    return this.errors;
  }

  private parseToken(token: TopLevelToken, remain: TopLevelToken[]): Parsed {
    if (!TypeGuards.isTagToken(token)) return this.attempt(token, remain, undefined);
    const target = this.closedBy(token, remain);
    if (target !== undefined) {
      // Put back for the block it closes, whose own reading then ends there.
      remain.unshift(token);
      throw new Unwind(target, token);
    }
    const entry = { tag: token, tokens: remain };
    this.open.push(entry);
    try {
      return this.attempt(token, remain, entry);
    } finally {
      this.open.pop();
    }
  }

  private attempt(token: TopLevelToken, remain: TopLevelToken[], entry: Open | undefined): Parsed {
    try {
      return this.plain(token, remain);
    } catch (error) {
      const unwind = unwindOf(error);
      if (unwind !== undefined && entry !== undefined) {
        this.errors.push(unclosed(entry, unwind));
        return this.handOn(unwind, token);
      }
      if (!LiquidError.is(error)) throw error;
      if (!this.cutOff(token, remain, error)) this.errors.push(error);
      if (entry !== undefined) this.readToEnd(entry);
      return skipped(token);
    }
  }

  /**
   * The open block, other than the innermost (whose own reading met it and did not take it), that
   * `token` is the end tag of; only within one token list, so a `{% liquid %}` tag's lines close nothing outside it.
   */
  private closedBy(token: TagToken, remain: TopLevelToken[]): Open | undefined {
    if (!token.name.startsWith("end")) return undefined;
    const name = token.name.slice("end".length);
    for (let i = this.open.length - 2; i >= 0; i--) {
      const entry = this.open[i] as Open;
      if (entry.tokens !== remain) return undefined;
      if (entry.tag.name === name) return entry;
    }
    return undefined;
  }

  /** After an Unwind passed `token`: it stops at the block that the end tag closes, which goes on reading from there. */
  private handOn(unwind: Unwind, token: TopLevelToken): Parsed {
    if (this.open.at(-2) === unwind.target) return skipped(token);
    throw unwind;
  }

  /** A block whose tag failed: its body is read on to its end tag, so its tags are checked, and its end tag is not taken for a stray one. */
  private readToEnd(entry: Open): void {
    const end = `end${entry.tag.name}`;
    if (this.resyncs++ >= MOST || !entry.tokens.some((token) => TypeGuards.isTagToken(token) && token.name === end)) return;
    try {
      for (let token = entry.tokens.shift(); token !== undefined; token = entry.tokens.shift()) {
        if (TypeGuards.isTagToken(token) && token.name === end) return;
        if (TypeGuards.isTagToken(token) && BRANCHES.has(token.name)) continue;
        this.parser.parseToken(token, entry.tokens);
      }
    } catch (error) {
      // This block's error is already told: it is not reported again as unclosed.
      if (!(error instanceof Unwind)) throw error;
      this.handOn(error, entry.tag);
    }
  }

  /** Liquid's "not closed" for a block open where a tag left open cut the file: that tag may have been its end. */
  private cutOff(token: TopLevelToken, remain: TopLevelToken[], error: LiquidError): boolean {
    return TypeGuards.isTagToken(token) && this.cut !== undefined && token.begin < this.cut && remain.length === 0 && error.message.startsWith(`tag ${token.getText()} not closed`);
  }
}

function unwindOf(error: unknown): Unwind | undefined {
  if (error instanceof Unwind) return error;
  // Liquid's parseToken wraps what a tag's constructor throws in a ParseError.
  return error instanceof LiquidError && error.originalError instanceof Unwind ? error.originalError : undefined;
}

/** A block left open inside one that a later end tag closes, located at the block, with the end tag it needs. */
function unclosed(entry: Open, unwind: Unwind): ParseError {
  const [line] = unwind.closer.getPosition();
  const message = `tag ${entry.tag.getText()} not closed: add {% end${entry.tag.name} %} before the {% ${unwind.closer.name} %} on line ${line}`;
  return new ParseError(new Error(message), entry.tag);
}

/** What a failed token stands for in its block: nothing. The templates of this parse are never rendered. */
function skipped(token: TopLevelToken): Parsed {
  return { token, render: () => undefined } as unknown as Parsed;
}
