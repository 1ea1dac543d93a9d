// `rpcsim list` and `rpcsim bugs`: what can be run, and which student bugs can be swapped in.

import type { Catalogue } from './catalogue.ts';
import { paint } from './style-cli.ts';

export function listScenarios(catalogue: Catalogue): number {
  const width = Math.max(...catalogue.scenarios.map((s) => s.name.length));
  for (const s of catalogue.scenarios) console.log(`${paint('bold', s.name.padEnd(width))}  ${s.description}`);
  return 0;
}

export function listBugs(catalogue: Catalogue): number {
  const width = Math.max(...catalogue.bugs.map((b) => b.name.length));
  for (const b of catalogue.bugs) {
    console.log(`${paint('bold', b.name.padEnd(width))}  ${b.description}`);
    const pad = ' '.repeat(width);
    for (const c of b.catches) {
      console.log(`${pad}  ${paint('dim', `caught by: rpcsim run ${c.scenario} --seed ${c.seed} --bug ${b.name}${c.swarm ? ' --swarm' : ''} (${c.kind})`)}`);
    }
    if (b.note !== undefined) console.log(`${pad}  ${paint('dim', `note: ${b.note}`)}`);
  }
  console.log(`\nUse one with any command: rpcsim run <scenario> --bug <name>`);
  return 0;
}
