// A terminal for Ink without one: the size it reports, the bytes written to it, and a stdin
// that never has a key. The render and monitor-cost benches draw into it.
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  isTTY = true;
  bytes = 0;
  writes = 0;
  lastWrite = 0;
  constructor(columns, rows) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  hasColors() {
    return true;
  }
  write(data, ...rest) {
    this.bytes += Buffer.byteLength(data);
    this.writes++;
    this.lastWrite = performance.now();
    const cb = rest.find((x) => typeof x === 'function');
    cb?.();
    return true;
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}
