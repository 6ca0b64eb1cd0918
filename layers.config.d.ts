/** Types of layers.config.js (plain JS so that eslint.config.js can import it without a loader). */
export interface Layer {
  /** Short name used in `may` and in messages. */
  name: string;
  /** Folder from the repository root. */
  dir: string;
  /** The other layers this one may import from (itself always). */
  may: string[];
  /** Packages (and `x/*` patterns) it must not import. */
  denyPackages: string[];
  /** The only npm packages it may import (the contract: its schema package); absent: any package. */
  packages?: string[];
  /** May read the root package.json (the Node side's version). */
  packageJson?: boolean;
  /** The sentence lint shows when an import breaks the rule. */
  why: string;
}
export declare const LAYERS: Layer[];
export declare function filesOf(layer: Layer): string[];
