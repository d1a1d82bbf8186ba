/**
 * A reward value the runtime cannot run (a pattern RE2 cannot express), in words. The checker
 * refuses such rewards first; this guards values that were built without it.
 */
export class RewardCompileError extends Error {}
