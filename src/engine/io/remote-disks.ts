// The VMs of a host whose disk Storage vMotion moved to another host's datastore
// (GroupRuntime.datastore): their commands go to that datastore as a foreign claimant, and what it
// served them and the latencies they saw come back for the step's accounting; the host's own
// datastore gets the rest. Untouched while no VM here has its disk elsewhere.

import type { HostSpec } from '../../profile/types.js';
import type { GroupRuntime } from '../runtime.js';
import { foreignDisk, type ForeignDisk } from './datastore.js';

export class RemoteDisks {
  /** per VM doing I/O: its claim on the other datastore, or null while its disk is here */
  readonly claim: (ForeignDisk | null)[];
  /** DAVG and KAVG the other datastore gave it in its last step, ms */
  readonly davg: Float64Array;
  readonly kavg: Float64Array;
  /** what this host's own datastore gets (all of the offered commands while no disk is elsewhere) */
  readonly localIops: Float64Array;

  constructor(
    private readonly spec: HostSpec,
    private readonly groups: readonly GroupRuntime[],
    /** VM groups doing I/O, as host group indices */
    private readonly vm: Int32Array,
  ) {
    const n = vm.length;
    this.claim = Array<ForeignDisk | null>(n).fill(null);
    this.davg = new Float64Array(n);
    this.kavg = new Float64Array(n);
    this.localIops = new Float64Array(n);
  }

  /**
   * Post the commands of the VMs whose disk is on another host's datastore there; true if any
   * is (the host's own datastore then gets `localIops`, the rest). A datastore whose host is down
   * serves nothing: the guest's I/O hangs until it is back (all paths down).
   */
  post(offIops: Float64Array, diskShares: Float64Array, settledMs: number): boolean {
    let any = false;
    for (let k = 0; k < this.vm.length; k++) {
      const ds = this.groups[this.vm[k]].datastore;
      const away = ds !== undefined && ds.spec !== this.spec;
      if (!away) {
        this.claim[k] = null;
        this.localIops[k] = offIops[k];
        continue;
      }
      any = true;
      this.localIops[k] = 0;
      const key = `disk:${this.groups[this.vm[k]].name}`;
      let f = ds.io.datastore.foreign.get(key);
      if (!f) ds.io.datastore.foreign.set(key, (f = foreignDisk(false, diskShares[k])));
      f.offered = ds.state === 'up' ? offIops[k] : 0;
      f.postedMs = settledMs;
      this.claim[k] = f;
    }
    return any;
  }

  /**
   * What the other datastores served the VMs whose disk is there, into `served`, as of their last
   * step: the same I/O tick for a host that settles before this one, the one before for a host after it.
   */
  take(served: Float64Array): void {
    for (let k = 0; k < this.vm.length; k++) {
      const f = this.claim[k];
      if (!f) continue;
      const ds = this.groups[this.vm[k]].datastore!;
      const up = ds.state === 'up';
      served[k] = up ? f.served : 0;
      this.davg[k] = up ? ds.io.datastore.davg : 0;
      this.kavg[k] = up ? f.kavg : 0;
    }
  }
}
