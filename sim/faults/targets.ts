// What a fault plan acts on: the scenario layer knows how to kill, restart or partition its
// servers, so it hands the executor these verbs; sim/ itself knows only processes.

export interface FaultTargets {
  /** Process names faults may name, for checking a plan before the run. */
  names(): readonly string[];
  crash(target: string): void;
  kill(target: string): void;
  restart(target: string): void;
  pause(target: string): void;
  resume(target: string): void;
  partition(target: string): void;
  heal(target: string): void;
  setUnreliable(target: string, on: boolean): void;
}
