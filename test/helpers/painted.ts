import type { Page } from "playwright-core";

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many of the pixels Chromium paints in `clip` (a screenshot: what the
 * reader sees) are not `colour` (RGB, a sum of differences under 60 counts
 * as the same), and how many there are in all.
 */
export async function pixelsUnlike(page: Page, clip: Clip, colour: readonly [number, number, number]): Promise<{ unlike: number; all: number }> {
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async ({ data, colour }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let unlike = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i]! - colour[0]) + Math.abs(px[i + 1]! - colour[1]) + Math.abs(px[i + 2]! - colour[2]) >= 60) unlike++;
      }
      return { unlike, all: px.length / 4 };
    },
    { data: png.toString("base64"), colour },
  );
}

/** A CSS colour (a system colour such as Canvas) as the page resolves it, in RGB. */
export async function resolvedColour(page: Page, colour: string): Promise<[number, number, number]> {
  const rgb = await page.evaluate((colour) => {
    const probe = document.createElement("div");
    probe.style.color = colour;
    document.body.append(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved;
  }, colour);
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(rgb);
  if (!m) throw new Error(`unexpected colour ${rgb}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
