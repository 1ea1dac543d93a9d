// Draws one diagram as SVG markup: lanes, message arrows, failed calls at their callers, fault
// marks and the client operations. Only what falls in the visible window is drawn; when a window
// holds more messages or operations than a browser draws quickly, they are drawn as per-row
// density bars instead (zoom in to see them one by one). The counts of what was drawn go back
// to the caller, which puts them on the page's root element for tests to read.

import type { ViewModel } from '../view-model.ts';
import { failureLines, markLine, messageLines, opLine } from './element-text.ts';
import { AXIS_HEIGHT_PX, LABEL_WIDTH_PX, ROW_HEIGHT_PX, lowerBound, rowY, timeToX, type Layout, type ViewWindow } from './layout.ts';

/** Past this many in a window, messages (or operations) are aggregated into density bars. */
export const MAX_DRAWN_MESSAGES = 3000;
export const MAX_DRAWN_OPS = 2000;
const BIN_PX = 4;

export interface DrawCounts {
  arrows: number;
  marks: number;
  errors: number;
  ops: number;
  /** Messages and operations shown only inside density bars. */
  aggregated: number;
}

export interface DrawInput {
  readonly model: ViewModel;
  readonly layout: Layout;
  readonly window: ViewWindow;
  readonly widthPx: number;
  /** Element keys ("m12", "f3", "k0", "o7") to draw highlighted. */
  readonly highlight: ReadonlySet<string>;
  /** Replay cursor: what happens after it is faded. */
  readonly cursorMicros: number | null;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function title(lines: readonly string[]): string {
  return `<title>${escapeXml(lines.join('\n'))}</title>`;
}

function axis(input: DrawInput): string {
  const { window, widthPx, layout } = input;
  const span = window.t1 - window.t0;
  const step = niceStep(span / 8);
  const parts: string[] = [];
  for (let t = Math.ceil(window.t0 / step) * step; t <= window.t1; t += step) {
    const x = timeToX(window, widthPx, t);
    parts.push(`<line class="grid" x1="${x}" x2="${x}" y1="${AXIS_HEIGHT_PX - 4}" y2="${layout.heightPx}"/><text class="tick" x="${x + 2}" y="${AXIS_HEIGHT_PX - 8}">${formatSeconds(t, step)}</text>`);
  }
  return parts.join('');
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function formatSeconds(t: number, step: number): string {
  const digits = Math.max(0, Math.min(6, 6 - Math.floor(Math.log10(step))));
  return `${(t / 1_000_000).toFixed(digits)}s`;
}

function rows(input: DrawInput): string {
  const parts: string[] = [];
  input.layout.rows.forEach((row, i) => {
    const y = rowY(i);
    const cls = row.client >= 0 ? 'row client' : row.task >= 0 ? 'row task' : 'row';
    const toggle = row.client < 0 ? ` data-lane="${row.lane}"` : '';
    parts.push(`<line class="${cls}" x1="${LABEL_WIDTH_PX}" x2="${input.widthPx}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="label${row.task >= 0 ? ' sub' : ''}"${toggle} x="6" y="${y + 4}">${escapeXml(row.label)}</text>`);
  });
  return parts.join('');
}

/** Messages that touch the window: sent in it, or sent before it and read in or after it. */
function visibleMessages(input: DrawInput): number[] {
  const m = input.model.messages;
  const { t0, t1 } = input.window;
  const out: number[] = [];
  const end = lowerBound(m.sendMicros, t1 + 1);
  for (let i = lowerBound(m.sendMicros, t0 - input.model.maxLatencyMicros); i < end; i++) {
    const recv = m.recvMicros[i]!;
    if (m.sendMicros[i]! >= t0 || recv >= t0) out.push(i);
  }
  return out;
}

function messageArrow(input: DrawInput, i: number): string {
  const { model, layout, window, widthPx } = input;
  const m = model.messages;
  const fromRow = layout.taskRow[m.from[i]!]!;
  const to = m.to[i]!;
  // A lost message whose peer is unknown (it never accepted the connection) points at its own row.
  const toRow = to >= 0 ? layout.taskRow[to]! : m.peerLane[i]! >= 0 ? layout.laneRow[m.peerLane[i]!]! : fromRow;
  if (fromRow < 0 || toRow < 0) return '';
  const x1 = timeToX(window, widthPx, m.sendMicros[i]!);
  const y1 = rowY(fromRow);
  const y2 = rowY(toRow);
  const what = model.strings[m.what[i]!]!;
  const kind = to < 0 ? 'lost' : what.endsWith('response') ? 'reply' : 'request';
  const faded = input.cursorMicros !== null && m.sendMicros[i]! > input.cursorMicros ? ' faded' : '';
  const hi = input.highlight.has(`m${i}`) ? ' hi' : '';
  if (to < 0) {
    // Never read: a stub toward the peer, ending in a cross.
    const x2 = x1 + 14;
    const ym = y2 === y1 ? y1 + 10 : y1 + (y2 - y1) * 0.35;
    return `<g class="msg lost${faded}${hi}" data-key="m${i}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${ym}"/><path d="M${x2 - 4} ${ym - 4}l8 8m0 -8l-8 8"/>${title(messageLines(model, i))}</g>`;
  }
  const x2 = timeToX(window, widthPx, m.recvMicros[i]!);
  return `<g class="msg ${kind}${faded}${hi}" data-key="m${i}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" marker-end="url(#head-${kind})"/>${title(messageLines(model, i))}</g>`;
}

/** Density bars: how many messages each row sent per few pixels. */
function aggregateMessages(input: DrawInput, visible: readonly number[]): string {
  const { model, layout, window, widthPx } = input;
  const bins = new Map<number, number>();
  for (const i of visible) {
    const row = layout.taskRow[model.messages.from[i]!]!;
    if (row < 0) continue;
    const bin = Math.floor(timeToX(window, widthPx, model.messages.sendMicros[i]!) / BIN_PX);
    const key = row * 100_000 + bin;
    bins.set(key, (bins.get(key) ?? 0) + 1);
  }
  const peak = Math.max(1, ...bins.values());
  const parts: string[] = [];
  for (const [key, count] of bins) {
    const row = Math.floor(key / 100_000);
    const x = (key % 100_000) * BIN_PX;
    const h = Math.max(2, ((ROW_HEIGHT_PX - 6) * count) / peak);
    parts.push(`<rect class="density" x="${x}" y="${rowY(row) - h / 2}" width="${BIN_PX - 1}" height="${h}"><title>${count} messages sent</title></rect>`);
  }
  return parts.join('');
}

/** Density bars for operations: how many each client called per few pixels. */
function aggregateOps(input: DrawInput, visible: readonly number[]): string {
  const { model, layout, window, widthPx } = input;
  const bins = new Map<number, number>();
  for (const i of visible) {
    const op = model.ops[i]!;
    const row = layout.clientRow.get(op.client);
    if (row === undefined) continue;
    const key = row * 100_000 + Math.floor(timeToX(window, widthPx, op.callMicros) / BIN_PX);
    bins.set(key, (bins.get(key) ?? 0) + 1);
  }
  const peak = Math.max(1, ...bins.values());
  const parts: string[] = [];
  for (const [key, count] of bins) {
    const h = Math.max(2, ((ROW_HEIGHT_PX - 6) * count) / peak);
    parts.push(`<rect class="density ops" x="${(key % 100_000) * BIN_PX}" y="${rowY(Math.floor(key / 100_000)) - h / 2}" width="${BIN_PX - 1}" height="${h}"><title>${count} operations called</title></rect>`);
  }
  return parts.join('');
}

function failures(input: DrawInput, counts: DrawCounts): string {
  const { model, layout, window, widthPx } = input;
  const parts: string[] = [];
  const lastLabelX = new Map<number, number>(); // row → x of its last label: labels must not overlap
  model.failures.forEach((f, i) => {
    const row = layout.taskRow[f.task]!;
    if (row < 0 || f.t < window.t0 || f.t > window.t1) return;
    const x = timeToX(window, widthPx, f.t);
    const y = rowY(row);
    const short = f.error.replace(/^.*: /, '');
    const hi = input.highlight.has(`f${i}`) ? ' hi' : '';
    const room = x - (lastLabelX.get(row) ?? -Infinity) > 7 * short.length;
    if (room) lastLabelX.set(row, x);
    const label = room ? `<text x="${x + 8}" y="${y - 7}">${escapeXml(short)}</text>` : '';
    parts.push(`<g class="failure ${f.executed}${hi}" data-key="f${i}"><circle cx="${x}" cy="${y}" r="6"/>${label}${title(failureLines(model, i))}</g>`);
    counts.errors++;
  });
  return parts.join('');
}

const MARK_GLYPH: Record<string, string> = { crash: '☠', kill: '✖', restart: '↻', pause: '‖', resume: '▶', partition: '⧸', drop: '✂', fault: '⚡' };

function marks(input: DrawInput, counts: DrawCounts): string {
  const { model, layout, window, widthPx } = input;
  const parts: string[] = [];
  model.marks.forEach((mark, i) => {
    const row = layout.laneRow[mark.lane]!;
    if (row < 0 || mark.t < window.t0 || mark.t > window.t1) return;
    const x = timeToX(window, widthPx, mark.t);
    const y = rowY(row);
    const hi = input.highlight.has(`k${i}`) ? ' hi' : '';
    parts.push(`<g class="mark ${mark.kind}${hi}" data-key="k${i}"><line x1="${x}" x2="${x}" y1="${y - ROW_HEIGHT_PX / 2 + 2}" y2="${y + ROW_HEIGHT_PX / 2 - 2}"/><text x="${x - 6}" y="${y - 5}">${MARK_GLYPH[mark.kind] ?? '⚡'}</text>${title([markLine(model, i)])}</g>`);
    counts.marks++;
  });
  return parts.join('');
}

function ops(input: DrawInput, counts: DrawCounts): string {
  const { model, layout, window, widthPx } = input;
  const visible = model.ops.map((_, i) => i).filter((i) => {
    const op = model.ops[i]!;
    return op.callMicros <= window.t1 && (op.returnMicros ?? Infinity) >= window.t0;
  });
  if (visible.length > MAX_DRAWN_OPS) {
    counts.aggregated += visible.length;
    return aggregateOps(input, visible) + visible.filter((i) => model.ops[i]!.violating).map((i) => opBar(input, i, counts)).join('');
  }
  return visible.map((i) => opBar(input, i, counts)).join('');
  function opBar(input_: DrawInput, i: number, c: DrawCounts): string {
    const op = model.ops[i]!;
    const row = layout.clientRow.get(op.client);
    if (row === undefined) return '';
    const x1 = Math.max(LABEL_WIDTH_PX, timeToX(window, widthPx, op.callMicros));
    const x2 = Math.min(widthPx, timeToX(window, widthPx, op.returnMicros ?? window.t1));
    const y = rowY(row);
    const cls = `op${op.violating ? ' violating' : ''}${op.returnMicros === null ? ' open' : ''}${input_.highlight.has(`o${i}`) ? ' hi' : ''}`;
    const label = x2 - x1 > 60 ? `<text x="${x1 + 2}" y="${y + 4}">${escapeXml(`${op.kind}(${op.key}${op.kind === 'get' ? `)→${op.value}` : `, ${op.value})`}`.slice(0, Math.floor((x2 - x1) / 6)))}</text>` : '';
    c.ops++;
    return `<g class="${cls}" data-key="o${i}"><rect x="${x1}" y="${y - 9}" width="${Math.max(2, x2 - x1)}" height="18" rx="3"/>${label}${title([opLine(op)])}</g>`;
  }
}

export function drawDiagram(input: DrawInput): { svg: string; counts: DrawCounts } {
  const counts: DrawCounts = { arrows: 0, marks: 0, errors: 0, ops: 0, aggregated: 0 };
  const visible = visibleMessages(input);
  let messages: string;
  if (visible.length > MAX_DRAWN_MESSAGES) {
    messages = aggregateMessages(input, visible);
    counts.aggregated += visible.length;
  } else {
    messages = visible.map((i) => messageArrow(input, i)).join('');
    counts.arrows = messages.split('class="msg ').length - 1;
  }
  const cursor = input.cursorMicros === null ? '' : `<line class="cursor" x1="${timeToX(input.window, input.widthPx, input.cursorMicros)}" x2="${timeToX(input.window, input.widthPx, input.cursorMicros)}" y1="0" y2="${input.layout.heightPx}"/>`;
  const body = [axis(input), rows(input), ops(input, counts), messages, failures(input, counts), marks(input, counts), cursor].join('');
  const defs = ['request', 'reply', 'lost'].map((k) => `<marker id="head-${k}" class="head-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${input.widthPx}" height="${input.layout.heightPx}"><defs>${defs}</defs><rect class="bg" x="0" y="0" width="${input.widthPx}" height="${input.layout.heightPx}"/>${body}</svg>`;
  return { svg, counts };
}
