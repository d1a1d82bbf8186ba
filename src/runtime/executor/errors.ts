/** A mistake in what the user asked for (a model the local runtime cannot run, a run directory): a message, no stack. */
export class RunInputError extends Error {}

/** Ctrl-C arrived during a stage before training (pretraining, labelling): the run stops there. */
export class InterruptedError extends Error {
  constructor() {
    super("interrupted");
  }
}
