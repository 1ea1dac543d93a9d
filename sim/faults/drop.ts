// Carrying out a plan's drop: arm it on the network, which hands it the next message a caller
// writes to the target server; the server then loses it the way the 6.824 unreliable accept loop
// loses one (sim/net/endpoint.ts), so what the caller sees is the socket model's answer:
// "connection reset by peer" for a dropped request, "unexpected EOF" for a dropped reply.

import type { World } from '../world.ts';
import type { FaultAction } from './plan.ts';

type DropAction = Extract<FaultAction, { type: 'drop' }>;

/** `onTaken` hears when the armed drop takes its message (the plan's entry has struck). */
export function armDrop(world: World, action: DropAction, onTaken: () => void = () => {}): void {
  world.net.armDrop({
    receiver: action.target,
    message: action.message,
    onTaken: (writer, what) => {
      onTaken();
      const call = what.endsWith(' request') ? what.slice(0, -' request'.length) : what;
      const text = `drop the ${action.message} of ${writer.owner.label}'s ${call} call to ${action.target} (conn ${writer.conn})`;
      world.within(world.faultProcess, () => world.note({ type: 'fault', text }));
    },
  });
}
