// `npm run fidelity [-- --seeds N]`: the 2015 tests' error lines in rpcsim next to real Go's
// measured bands (scenarios/fidelity); exits 1 when any figure lies outside.

import { formatFidelity, measureFidelity } from './fidelity/report.ts';

const args = process.argv.slice(2);
let seeds = 20;
if (args.length > 0) {
  const n = Number(args[1]);
  if (args[0] !== '--seeds' || args.length > 2) {
    process.stderr.write(`fidelity: unknown arguments "${args.join(' ')}"; the only option is --seeds N (default 20)\n`);
    process.exit(2);
  }
  if (args.length < 2 || !Number.isInteger(n) || n < 1) {
    process.stderr.write(`fidelity: --seeds wants a whole number of seeds, 1 or more, got ${args[1] === undefined ? 'nothing' : `"${args[1]}"`}\n`);
    process.exit(2);
  }
  seeds = n;
}
const fidelity = await measureFidelity(seeds);
for (const line of formatFidelity(fidelity)) console.log(line);
process.exit(fidelity.inside ? 0 : 1);
