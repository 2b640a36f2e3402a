import { configDefaults, defineConfig } from 'vitest/config';

// Two named projects so the slow real-browser / vnu tests can be run (or
// skipped) as one set:
//   npx vitest run --project unit
//   npx vitest run --project browser      (same as: npx vitest run test/browser)
// Together they cover test/**/*.test.ts.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Tests read exactly what a command prints; on GitHub Actions gekkan adds
    // annotations to it (src/github-annotations.ts), which the tests that
    // want them switch on themselves.
    env: { GITHUB_ACTIONS: '' },
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
        },
      },
    ],
  },
});
