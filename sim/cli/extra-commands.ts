// Commands built by later layers (explore, teach, shrink, check-history, demo) register here, so
// main.ts stays a dispatcher and each command lives in its own file.

import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';

export type CommandHandler = (catalogue: Catalogue, target: string | undefined, flags: Flags) => Promise<number>;

export const extraCommands = new Map<string, CommandHandler>();
