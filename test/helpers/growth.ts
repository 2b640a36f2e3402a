/**
 * How much longer `run(large)` takes than `run(small)`, after a warm-up run.
 * With large = 12 × small: about 12 when the work grows with the size, up to 144 when
 * it grows with its square; a ratio, so a slow machine does not change it.
 */
export function growth(run: (size: number) => void, small: number, large: number): number {
  const time = (size: number) => {
    const start = performance.now();
    run(size);
    return performance.now() - start;
  };
  time(small / 2);
  const before = time(small);
  return time(large) / before;
}
