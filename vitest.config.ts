import { configDefaults, defineConfig } from "vitest/config";

/**
 * The test files of the `e2e` project: they train a model, start bin/rlx.js as a subprocess (which
 * runs dist/: build first) or run the generated Python with python3. Every other test file is
 * `unit`: in process, no training run. `npm test` runs both; `npm run test:unit`, `npm run test:e2e`
 * one each.
 */
const E2E = [
  "test/cli/*.test.ts",
  "test/lsp/server.test.ts",
  "test/report/cli.test.ts",
  "test/reward/cli.test.ts",
  "test/runtime/executor/run.test.ts",
  "test/runtime/organisms/shipped.test.ts",
  "test/targets/engineRun.test.ts",
  "test/targets/exportData.test.ts",
  "test/targets/pythonGrader.test.ts",
  "test/targets/rewardVectors.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60000,
    // Removes the temporary folders each test file made (test/support/tempDir.ts).
    setupFiles: ["test/support/removeTempDirs.ts"],
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...E2E] } },
      // One run of TINY_RUN, trained before any e2e test starts, for the tests that read a finished run (test/support/referenceRun.ts).
      { extends: true, test: { name: "e2e", include: E2E, globalSetup: ["test/support/referenceRun.ts"] } },
    ],
  },
});
