import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60000,
    // Removes the temporary folders each test file made (test/support/tempDir.ts).
    setupFiles: ["test/support/removeTempDirs.ts"],
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
