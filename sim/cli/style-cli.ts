// Colour for terminals only: plain text when piped, when NO_COLOR is set, or under CI.

import { styleText } from 'node:util';

const enabled = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;

type Style = Parameters<typeof styleText>[0];

export function paint(style: Style, text: string): string {
  return enabled ? styleText(style, text) : text;
}
