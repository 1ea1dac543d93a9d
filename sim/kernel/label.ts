// A string trace events carry again and again, with the id the recording journal gave it: a
// process's or goroutine's name ("s1", "s1#2/ServeConn"), a frame's label, a method, a socket
// path. Every socket and RPC event names who did it and what, and hashing those strings into the
// journal's table at each event was a measurable share of an RPC: the id is looked up once per
// label and run, then read from here.

export class Label {
  /** The number of the string table `internedId` belongs to (one run's journal), or -1. A
   *  number, not the table: a label shared by every run (a method's) must not keep the last
   *  run's table alive. */
  internedBy = -1;
  internedId = 0;
  constructor(readonly text: string) {}
}

/** A trace field given as a string or as a Label. */
export function textOf(text: string | Label): string {
  return typeof text === 'string' ? text : text.text;
}
