// A process's or goroutine's name as trace events carry it ("s1", "s1#2/ServeConn"), with the id
// the recording journal gave it. Every socket and RPC event names who did it, and hashing those
// strings into the journal's table at each event was a measurable share of an RPC: the id is
// looked up once per label and run, then read from here.

export class Label {
  /** The string table `internedId` belongs to (one run's journal), or null before any. */
  internedBy: object | null = null;
  internedId = 0;
  constructor(readonly text: string) {}
}
