/** What `npm run train` asks of each model it rebuilds (listed in ./models.ts). */
export interface TrainContext {
  /** The evaluation data folder (../shared/data or $DOSSIER_EVAL_DATA); read the *train* splits only. */
  dataDir: string;
  /** Where to write the model files and the model card (resources/models unless told otherwise). */
  outDir: string;
  /** The fixed seed every random choice derives from, so two runs give the same bytes. */
  seed: number;
  /** Progress for the terminal. */
  log(line: string): void;
}

/** A model that `npm run train` rebuilds. */
export interface TrainableModel {
  /** Short name, used by `npm run train -- NAME`. */
  name: string;
  /** The files it writes under `outDir` (model files and its card), compared by `--check`. */
  files: string[];
  train(context: TrainContext): Promise<void> | void;
}
