import { describe, expect, it } from "vitest";
import { countedArray } from "./touch-count.js";

describe("countedArray: element reads and writes, counted", () => {
  it("counts each indexed read and write, and nothing else", () => {
    const { array, touches } = countedArray([1, 2, 3]);
    expect(array.length).toBe(3);
    expect(touches()).toBe(0);
    const first = array[0];
    array[2] = first ?? 0;
    expect(touches()).toBe(2);
  });

  it("sees the moves a splice at the front makes: one per element behind it, and more", () => {
    const { array, touches } = countedArray(Array.from({ length: 1000 }, (_, i) => i));
    array.splice(0, 1);
    expect(array).toHaveLength(999);
    expect(touches()).toBeGreaterThanOrEqual(999 * 2);
  });
});
