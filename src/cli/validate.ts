// `vmtop validate FILE`: every error with file:line:col and exit 2, or a summary and exit 0.

import { loadProfileArg } from './load-profile.js';

export function validateCommand(file: string): void {
  const p = loadProfileArg(file);
  const vcpus = p.vms.reduce((a, v) => a + v.vcpus, 0);
  const pcpus = p.hosts.reduce((a, h) => a + h.pcpus, 0);
  process.stdout.write(
    `${file}: ok — "${p.name}": ${p.hosts.length} host${p.hosts.length === 1 ? '' : 's'} (${pcpus} pCPUs), ` +
    `${p.vms.length} VM${p.vms.length === 1 ? '' : 's'} (${vcpus} vCPUs), ` +
    (p.containers.length > 0 ? `${p.containers.length} container${p.containers.length === 1 ? '' : 's'}, ` : '') +
    (p.vservers.length > 0 ? `${p.vservers.length} VServer guest${p.vservers.length === 1 ? '' : 's'}, ` : '') +
    `${p.events.length} timeline event${p.events.length === 1 ? '' : 's'}, ` +
    `seed ${p.seed}, quantum ${p.quantumMs} ms\n`);
}
