// A corpus-wide stage's work under way, a step at a time (see Corpus.catchUp).

/** The steps of bringing a stage up to date, and how many mentions or reports they take. */
export interface StageWork {
  steps: Generator<void, void>;
  size: number;
}

/** Takes every step left. */
export function drain(steps: Generator<void, void>): void {
  while (!steps.next().done);
}
