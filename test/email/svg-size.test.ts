/**
 * The size an SVG is meant to be shown at: its width is what the PNG
 * standing in for it in an email gets, width and height what a page writes
 * on its <img>. Oracle: SVGs written here, with the size a browser gives
 * each in an <img> worked out by hand (CSS: 1in = 96px, 1pt = 4/3px).
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { svgSize } from "../../src/pipeline/svg-size.js";

const svgWidth = (bytes: Buffer) => svgSize(bytes)?.width;
const svgHeight = (bytes: Buffer) => svgSize(bytes)?.height;

const svg = (attributes: string, before = "") => Buffer.from(`${before}<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="10" height="10"/></svg>`);

describe("an SVG's intended width", () => {
  it("is its width attribute, in pixels or an absolute unit", () => {
    expect(svgWidth(svg('width="360" height="336"'))).toBe(360);
    expect(svgWidth(svg('width="360px" viewBox="0 0 720 672"'))).toBe(360);
    expect(svgWidth(svg('width="3in"'))).toBe(288);
    expect(svgWidth(svg('width="150pt"'))).toBe(200);
  });

  it("else its height scaled by the viewBox's proportions, else the viewBox's width", () => {
    expect(svgWidth(svg('height="100" viewBox="0 0 200 50"'))).toBe(400);
    expect(svgWidth(svg('viewBox="0,0,360,336"'))).toBe(360);
    expect(svgWidth(svg('width="100%" viewBox="0 0 360 336"'))).toBe(360);
  });

  it("is read past a prolog and comments, and in a gzipped file", () => {
    expect(svgWidth(svg('width="240"', '<?xml version="1.0"?>\n<!-- width="999" -->\n<!DOCTYPE svg>\n'))).toBe(240);
    expect(svgWidth(gzipSync(svg('viewBox="0 0 480 100"')))).toBe(480);
  });

  it("has a height by the same rules: its height attribute, else its width scaled by the viewBox's proportions, else the viewBox's height", () => {
    expect(svgHeight(svg('width="360" height="336"'))).toBe(336);
    expect(svgHeight(svg('height="2in" viewBox="0 0 10 10"'))).toBe(192);
    expect(svgHeight(svg('width="400" viewBox="0 0 200 50"'))).toBe(100);
    expect(svgHeight(svg('viewBox="0 0 360 336"'))).toBe(336);
    expect(svgHeight(svg('width="100%" height="50%" viewBox="0 0 360 336"'))).toBe(336);
  });

  it("has no height for a width alone, with nothing to scale it by", () => {
    expect(svgSize(svg('width="360"'))).toEqual({ width: 360, height: undefined, scalable: false });
  });

  it("is scalable when its viewBox alone sizes it (a relative width or height is none), not when an absolute width or height does", () => {
    expect(svgSize(svg('viewBox="0 0 360 336"'))).toEqual({ width: 360, height: 336, scalable: true });
    expect(svgSize(svg('width="100%" viewBox="0 0 360 336"'))).toEqual({ width: 360, height: 336, scalable: true });
    expect(svgSize(svg('width="180" viewBox="0 0 360 336"'))).toEqual({ width: 180, height: 168, scalable: false });
    expect(svgSize(svg('height="2in" viewBox="0 0 10 10"'))).toEqual({ width: 192, height: 192, scalable: false });
  });

  it("is unknown for a relative width alone, no size at all, or a root that is not <svg>", () => {
    expect(svgWidth(svg('width="50%"'))).toBeUndefined();
    expect(svgWidth(svg(""))).toBeUndefined();
    expect(svgWidth(Buffer.from('<html width="300"></html>'))).toBeUndefined();
  });
});
