/** A reward the checker accepted but the runtime cannot run (a pattern RE2 cannot express): the user's mistake, in words. */
export class RewardCompileError extends Error {
  constructor(
    message: string,
    /** The `matches` pattern at fault, so a front end can point at it in the source. */
    readonly pattern?: string,
  ) {
    super(message);
  }
}
