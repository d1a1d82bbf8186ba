import { PY_JS_COMPAT } from "./jsCompat.js";
import { PY_MATH_COMPARE } from "./mathCompare.js";
import { PY_MATH_EXTRACT } from "./mathExtract.js";
import { PY_MATH_FALLBACK } from "./mathFallback.js";
import { PY_MATH_NORMALIZE } from "./mathNormalize.js";
import { PY_MATH_PARSE } from "./mathParse.js";
import { PY_PRIMITIVES } from "./primitives.js";

/** The modules the runtime needs, imported once at the top of a generated file. */
export const PY_RUNTIME_IMPORTS = ["atexit", "cmath", "json", "math", "os", "re", "sys", "threading", "time"];

/**
 * The Python runtime of a generated reward module: the reward engine of src/reward/ in Python,
 * in the order its module-level definitions need one another.
 */
export const PY_RUNTIME: string = [PY_JS_COMPAT, PY_MATH_EXTRACT, PY_MATH_NORMALIZE, PY_MATH_PARSE, PY_MATH_COMPARE, PY_MATH_FALLBACK, PY_PRIMITIVES].join("\n\n");
