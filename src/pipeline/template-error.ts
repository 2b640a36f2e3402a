import { LiquidError } from "liquidjs";
import { ContentError, diagnostic } from "../diagnostics.js";

/** Runs a rendering step; a Liquid error in a site's own templates is an author mistake, so it is located. */
export async function withTemplateErrors<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw templateError(error);
  }
}

/** A Liquid error as a located author error; any other error as it is. */
export function templateError(error: unknown): unknown {
  if (!(error instanceof LiquidError)) return error;
  const token = (error as LiquidError & { token?: { file?: string; getPosition?: () => [number, number] } }).token;
  const [line = 1, column = 1] = token?.getPosition?.() ?? [];
  const file = token?.file ?? "templates";
  return new ContentError([diagnostic(file, `template error: ${error.message.replace(/, line:\d+, col:\d+$/, "")}`, { line, column }, "template")]);
}
