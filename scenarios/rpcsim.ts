// The package's public API: what `import ... from 'rpcsim'` gives a user's own project and a
// user's own servers. The node API (goroutines, time, locks, sockets, Go's net/rpc and the 6.824
// call() and accept loop) to write servers with; the implementation interface they fill in; the
// scenarios to run them under (`runScenario`, with `impl`); fault plans as fast-check
// arbitraries; and the reference implementation with its catalogue of student bugs.

export * from '../sim/index.ts';
export { default as fc } from 'fast-check';
export {
  arbFaultPlan,
  arbPlannedFault,
  arbFaultAction,
  arbTrigger,
  SIMPLEST_FIRST,
  describePlan,
  isSurvivable,
  isDestructive,
  type FaultPlan,
  type FaultPlanShape,
  type PlannedFault,
  type FaultAction,
} from '../sim/faults/index.ts';
export {
  DeadPings,
  EMPTY_VIEW,
  PingInterval,
  ErrNoKey,
  ErrWrongServer,
  OK,
  nrand,
  type Err,
  type View,
  type Implementation,
  type ViewService,
  type ViewServer,
  type ViewClerk,
  type PBService,
  type PBServer,
  type PBClerk,
} from '../protocol/implementation.ts';
export { referenceImplementation } from '../protocol/reference.ts';
export { BUGS, BUG_NAMES, type BugName } from '../protocol/bugs.ts';
export { runScenario, runScenarioWith, listScenarios, type RunOptions, type ScenarioResult, type FailureKind, type ScenarioSummary } from './index.ts';
export { KV_FAULTS_WINDOW } from './stories/kv-faults.ts';
export { loadImplementation, ImplementationLoadError, type LoadedImplementation } from './implementation-loader.ts';
