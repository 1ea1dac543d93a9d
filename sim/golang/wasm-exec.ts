// Loads the installed Go toolchain's own wasm_exec.js (its glue between a js/wasm binary and
// its host) without copying it into the repository, and evaluates it against a global object
// we build: every name the glue or the Go program reads from the JavaScript world (the global
// object, fs, process, crypto, performance, Date, timers, console) is ours, so nothing the
// program sees comes from the real machine.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WasmInstance } from './wasm-api.ts';

/** The part of wasm_exec.js's `Go` class the host drives. */
export interface GoGlue {
  argv: string[];
  env: Record<string, string>;
  exit: (code: number) => void;
  exited: boolean;
  mem: DataView;
  readonly importObject: { go: Record<string, (sp: number) => void> };
  _inst: WasmInstance | undefined;
  _pendingEvent: unknown;
  _resume(): void;
  run(instance: WasmInstance): Promise<void>;
}

/** What the glue may reach in place of the real world. */
export interface GlueWorld {
  readonly global: Record<string, unknown>;
  readonly fs: unknown;
  readonly process: unknown;
  readonly crypto: unknown;
  readonly performance: unknown;
  readonly Date: unknown;
}

const SHADOWED = ['globalThis', 'fs', 'process', 'crypto', 'performance', 'Date', 'setTimeout', 'clearTimeout', 'console'] as const;
const glueSources = new Map<string, string>();

function glueSource(goroot: string): string {
  let source = glueSources.get(goroot);
  if (source === undefined) {
    source = readFileSync(join(goroot, 'misc', 'wasm', 'wasm_exec.js'), 'utf8');
    glueSources.set(goroot, source);
  }
  return source;
}

/** A fresh `Go` object from the toolchain's glue, seeing only `world`. */
export function newGoGlue(goroot: string, world: GlueWorld): GoGlue {
  const refuse = (): never => {
    throw new Error('rpcsim: the Go glue asked for a real timer');
  };
  const quietConsole = { log: refuse, warn: refuse, error: refuse };
  // The parameters shadow the real globals inside the glue's source (its free names resolve to
  // them), so wasm_exec.js runs unmodified against our world.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function(...SHADOWED, glueSource(goroot)) as (...args: unknown[]) => void;
  evaluate(world.global, world.fs, world.process, world.crypto, world.performance, world.Date, refuse, refuse, quietConsole);
  const Go = world.global['Go'] as new () => GoGlue;
  return new Go();
}
