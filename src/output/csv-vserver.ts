// CSV columns of the Linux-VServer guests. esxtop has no such object, so they follow its naming:
// `\\<host>\VServer(<context>:<name>)\<counter>`, the context id standing where esxtop puts a
// group id (stable per profile, unique per host).

import type { VServerSample } from '../engine/snapshot.js';
import { VSERVER_EXTRA_FIELDS, VSERVER_FIELDS, vserverNumber } from '../fields/vserver.js';

interface Col<S> {
  path: string;
  value: (s: S) => number | undefined;
}

export function vserverColumns<S>(v: VServerSample, get: (s: S) => VServerSample | undefined): Col<S>[] {
  const base = `\\\\${v.host}\\VServer(${v.context}:${v.name})`;
  return [...VSERVER_FIELDS, ...VSERVER_EXTRA_FIELDS].map((f) => ({
    path: `${base}\\${f.csv}`,
    value: (s: S) => {
      const x = get(s);
      return x ? vserverNumber(x, f.key) : undefined;
    },
  }));
}
