import { afterAll } from "vitest";
import { removeTempDirs } from "./tempDir.js";

// A setup file: runs before each test file, so this hook ends every file.
afterAll(removeTempDirs);
