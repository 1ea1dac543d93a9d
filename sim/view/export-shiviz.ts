// A ShiViz log of a run: the parser expression on the first line, an empty execution delimiter on
// the second, then two lines per event, its text and then "<process> <vector clock as JSON>".
// ShiViz draws the happened-before graph from the clocks alone.

import { failureLines, markLine, messageLines } from './page/element-text.ts';
import { vectorClocks } from './vector-clocks.ts';
import type { ViewModel } from './view-model.ts';

export const SHIVIZ_REGEX = '(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})';

function eventText(model: ViewModel, key: string): string {
  const i = Number(key.slice(1).replace(/[sr]$/, ''));
  if (key.startsWith('m')) return messageLines(model, i)[key.endsWith('s') ? 0 : 1]!.trim();
  if (key.startsWith('f')) return failureLines(model, i).join(' — ').trim();
  return markLine(model, i).trim();
}

export function shivizLog(model: ViewModel): string {
  const lines = [SHIVIZ_REGEX, ''];
  for (const event of vectorClocks(model)) {
    const clock: Record<string, number> = {};
    // Sorted by lane index so the same run prints the same bytes.
    for (const lane of [...event.clock.keys()].sort((a, b) => a - b)) clock[model.lanes[lane]!] = event.clock.get(lane)!;
    lines.push(eventText(model, event.key).replace(/\n/g, ' '), `${model.lanes[event.lane]!} ${JSON.stringify(clock)}`);
  }
  return lines.join('\n') + '\n';
}
