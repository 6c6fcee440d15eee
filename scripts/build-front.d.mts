/** Types of scripts/build-front.mjs for the TypeScript tests. */
export const STAMPS: string[];
export const OUTPUTS: string[];
export function sourcesHash(root?: string): string;
export function buildFront(opts?: {
  force?: boolean;
  rollupArgs?: string[];
  root?: string;
  run?: (root: string, rollupArgs: string[]) => number | null;
  log?: (message: string) => void;
}): boolean;
