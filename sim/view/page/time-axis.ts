// One time axis shared by diagrams drawn one above the other (a run and its branches): the same
// visible window of virtual time and the same width, so a moment is at the same x in each, and a
// zoom or pan in any of them moves them all. Fit shows the longest of them whole.

import type { ViewWindow } from './layout.ts';

export interface AxisMember {
  readonly endMicros: number;
  /** The member's drawing box: the first member's width is everyone's. */
  readonly box: HTMLElement;
  draw(widthPx: number): void;
}

export const MIN_WIDTH_PX = 600;

export class SharedAxis {
  private readonly members: AxisMember[] = [];

  constructor(public window: ViewWindow) {}

  join(member: AxisMember): void {
    this.members.push(member);
  }

  get size(): number {
    return this.members.length;
  }

  /** The whole of the longest run on the axis. */
  fullWindow(): ViewWindow {
    return { t0: 0, t1: Math.max(1, ...this.members.map((m) => m.endMicros)) };
  }

  widthPx(): number {
    const first = this.members[0];
    return Math.max(MIN_WIDTH_PX, first === undefined ? 0 : first.box.clientWidth);
  }

  drawAll(): void {
    const width = this.widthPx();
    for (const member of this.members) member.draw(width);
  }
}
