// The "Next:" list the stories end with: commands to try, each with why, in aligned columns.

/** Prints "Next:" and one line per [command, why], the whys lined up after the longest command. */
export function printNextSteps(steps: readonly (readonly [command: string, why: string])[]): void {
  const width = Math.max(...steps.map(([command]) => command.length));
  console.log('Next:');
  for (const [command, why] of steps) console.log(`  ${command.padEnd(width)}   ${why}`);
}
