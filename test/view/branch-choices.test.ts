// What the branch form offers and the plan entry it makes, without a browser: a picked arrow
// names its call as the executor counts it (the sender's nth request of that method, to the
// server that reads it), so the entry made from the 186th Forward's reply arrow drops exactly
// that reply when run; only the scenario's fault targets and fault kinds are offered; and a
// drop's mark sits on the lane of the server that loses the message.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';
import { faultCapability } from '../../scenarios/framework/faults.ts';
import { findScenario } from '../../scenarios/registry.ts';
import type { FaultPlan, PlannedFault } from '../../sim/faults/plan.ts';
import { buildViewModel } from '../../sim/view/build-model.ts';
import { viewMetaOf } from '../../sim/view/meta.ts';
import { branchChoices, branchEntry, callOfMessage } from '../../sim/view/page/branch-choices.ts';
import type { ViewModel } from '../../sim/view/view-model.ts';

const KV = faultCapability(findScenario('kv-faults')!);

async function kvModel(faults: FaultPlan): Promise<ViewModel> {
  const result = await runScenario('kv-faults', { seed: 5, trace: true, faults });
  return buildViewModel(result.trace, viewMetaOf(result, [], false));
}

function messageIndex(model: ViewModel, keep: (what: string, from: string, i: number) => boolean): number {
  const m = model.messages;
  return m.what.findIndex((w, i) => keep(model.strings[w]!, model.lanes[model.taskLane[m.from[i]!]!]!, i));
}

describe('branch choices on a picked element', () => {
  it('should name a reply arrow\'s call as the sender\'s nth request of its method, and drop exactly that reply when run', async () => {
    const model = await kvModel([]);
    const requests = model.messages.what.flatMap((w, i) => (model.strings[w] === 'PBServer.Forward #0 request' && model.lanes[model.taskLane[model.messages.from[i]!]!] === 's2' ? [i] : []));
    const request = requests[39]!; // s2's 40th Forward
    const reply = messageIndex(model, (what, _, i) => what === 'PBServer.Forward #0 response' && model.messages.conn[i] === model.messages.conn[request]);
    expect(callOfMessage(model, reply)).toEqual({ sender: 's2', receiver: 's1', method: 'PBServer.Forward', nth: 40, picked: 'reply' });
    expect(callOfMessage(model, request)).toEqual({ sender: 's2', receiver: 's1', method: 'PBServer.Forward', nth: 40, picked: 'request' });
    const { choices } = branchChoices(model, `m${reply}`, KV);
    const made = branchEntry(choices[0]!, 's1', 0, KV, 0);
    expect(made).toEqual({ entry: { when: { on: 'send', target: 's2', method: 'PBServer.Forward', nth: 40 }, fault: { type: 'drop', target: 's1', message: 'reply' } } });
    const branched = await kvModel([(made as { entry: PlannedFault }).entry]);
    const lost = branched.failures.filter((f) => f.method === 'PBServer.Forward');
    expect(lost.map((f) => [f.conn, f.error])).toEqual([[model.messages.conn[request], 'unexpected EOF']]);
    // The drop's mark is on s1, the server that lost the reply.
    expect(branched.marks.filter((k) => k.kind === 'drop').map((k) => branched.lanes[k.lane])).toEqual(['s1']);
  });

  it('should offer drops only on messages, and process faults only of the scenario\'s kinds and targets', async () => {
    const model = await kvModel([]);
    const mark = { ...model, marks: [{ t: 1, lane: 0, kind: 'fault' as const, text: 'x' }] };
    expect(branchChoices(mark, 'k0', KV).choices.map((c) => c.kind)).toEqual(['crash', 'kill', 'pause', 'restart']);
    const few = { scenario: 'kv-faults', targets: ['s1'], actions: ['crash', 'pause'] };
    expect(branchChoices(model, 'm0', few).choices.map((c) => c.label)).toEqual(['crash…', 'pause…']);
    expect(branchChoices(model, 'm0', { ...few, actions: ['partition'] }).refusal).toBe('kv-faults can carry out none of drop, crash, kill, pause, restart');
    const pause = branchChoices(model, 'm0', KV).choices.find((c) => c.kind === 'pause')!;
    expect(branchEntry(pause, 's2', 2_500_000, KV, 0)).toEqual({ entry: { at: 2_500_000, fault: { type: 'pause', target: 's2', forMicros: 500_000 } } });
    expect(branchEntry(pause, 's2', -5, KV, 0)).toEqual({ problem: 'the time must be a number of seconds, 0 or more' });
    expect(branchEntry(pause, 'vs', 0, KV, 3)).toEqual({ problem: 'entry 3 targets "vs", which is not a fault target of kv-faults; its fault targets are s1, s2, s3' });
    const none = faultCapability(findScenario('viewservice')!);
    expect(branchChoices(model, 'm0', none)).toEqual({ choices: [], refusal: 'viewservice declares no fault targets, so a plan would strike nothing' });
  });
});
