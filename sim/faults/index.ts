// Fault plans: data, their execution, their random draw, and fast-check arbitraries.

export * from './plan.ts';
export type { FaultTargets } from './targets.ts';
export { installFaultPlan, checkPlan } from './executor.ts';
export { drawFaultPlan, drawSwarmMix, type FaultMix } from './draw.ts';
export { arbFaultPlan, arbPlannedFault, arbFaultAction, arbTrigger, SIMPLEST_FIRST, type FaultPlanShape } from './arbitraries.ts';
export { isSurvivable, isDestructive, PRIMARY_BACKUP_RULE, type SurvivableRule } from './survivable.ts';
export { shrinkPlan, type ShrinkOptions, type ShrinkResult } from './shrink.ts';
