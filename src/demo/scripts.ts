// The built-in demos, each one to three minutes of wall time at its own speed, sized for 100x30.
// Captions only point at numbers the engine produces; their times follow the built-in profiles'
// runs (`vmtop batch PROFILE -d 2`), so a caption shows when its number is on screen.

import type { Demo } from './types.js';

const overcommit: Demo = {
  name: 'overcommit',
  title: 'Memory overcommit: page sharing, then the balloon, then compression and host swap',
  profile: 'overcommit', speed: 4, delayS: 4, endS: 420,
  steps: [
    { at: 0, panel: 'm', host: 'esx-8g', sort: 'N',
      caption: 'Nine 1 GiB VMs on an 8 GiB host, 1 GiB of it for the hypervisor (PMEM vmk). Their working sets grow: watch GRANT climb and PMEM free fall.' },
    { at: 36, caption: 'Page sharing scans the VMs for identical pages: SHRD and SHRDSVD grow in every VM, and the PSHARE line\'s saving with them.' },
    { at: 112, caption: 'The working sets (9 x 880 MiB, GRANT) exceed the 7 GiB left for VMs, yet nothing is reclaimed: PSHARE saves about 1.9 GiB. Below 4 x minFree free the state reads clear: sharing only.' },
    { at: 200, caption: 'At 240 s every VM will need 240 MiB more (see the event line). Free memory is about to fall below minFree, 410 MiB (VMKMEM line).' },
    { at: 252, caption: 'Below minFree the state goes soft (below 64 % of it, for moments, hard): the balloon inflates (MCTLSZ, MEMCTL), and what it cannot reclaim in time is compressed (ZIP) and swapped (SWCUR, SWW/s).' },
    { at: 272, panel: 'c', sort: 'U',
      caption: 'VMs that touch compressed or swapped pages stall on them: %SWPWT (part of %WAIT) rises on the CPU panel, and %USED falls.' },
    { at: 304, panel: 'm', sort: 'N',
      caption: 'The balloon keeps what it took (MCTLSZ). Swapped pages come back only when the guest touches them (SWR/s); these were its working set, so SWCUR and ZIP head back to 0.' },
    { at: 364, caption: 'The extra load ended at 360 s (event line). Sharing and ballooning keep the host out of swap: the state stays clear.' },
  ],
};

const rightSizing: Demo = {
  name: 'right-sizing',
  title: 'Right-sizing: why the same work on more vCPUs waits longer on a busy host',
  profile: 'right-sizing', speed: 2, delayS: 2, endS: 240,
  steps: [
    { at: 0, panel: 'c', host: 'esx-relaxed', sort: 'N',
      caption: 'narrow-r runs its work on 1 vCPU; wide-r runs the same work spread over 4 vCPUs (25% each). Equal shares, on a 4-pCPU host that is full (PCPU USED).' },
    { at: 20, caption: 'Both get the same CPU: %USED about 50. But wide-r has 4 busy worlds to schedule (NWLD 6 with its VMX and MKS): its %RDY, summed over its vCPUs, is several times narrow-r\'s.' },
    { at: 50, select: 'wide-r', keys: ['e'],
      caption: 'wide-r also shows %CSTP: when it holds fewer pCPUs than it has busy vCPUs, the ones that get ahead are co-stopped until the laggards catch up (vCPU rows below it).' },
    { at: 100, host: 'esx-strict', sort: 'N',
      caption: 'esx-strict co-schedules strictly (ESX 2.x): wide-s\'s four busy vCPUs run only when four pCPUs are free at once. Its wait while pCPUs idle is %CSTP.' },
    { at: 150, sort: 'R',
      caption: 'Sorted by %RDY. The strict host leaves pCPUs idle (PCPU UTIL below 100) while gangs wait for a slot, and every VM gets less than on the relaxed host.' },
    { at: 200, sort: 'N',
      caption: 'Lesson: give a VM the vCPUs its work needs. Work spread over more vCPUs than it needs waits longer, and co-stops.' },
  ],
};

const containers: Demo = {
  name: 'containers',
  title: 'Containers under cgroup v2: CPU throttling, weights, OOM kills and freezing',
  profile: 'containers', speed: 2, delayS: 2, endS: 180,
  steps: [
    { at: 0, panel: 'g', host: 'lx-1', sort: 'N',
      caption: 'cgroup v2 on lx-1, a bare-metal Linux host: a kernel row, then services (▸ name ×replicas) and containers. Each is a cgroup.' },
    { at: 10, select: 'api', keys: ['e'],
      caption: 'api-1 and api-2 each want a whole CPU, but cpu.max (CPUMAX) caps them at 50%: CPU% stays at 50 and NR_THR counts the periods they ran out of quota.' },
    { at: 26, select: 'batch',
      caption: 'batch has cpu.weight 300, three times the default: on this full host (CPU% of 800 in the header) it keeps most of its 6 threads\' demand.' },
    { at: 38, select: 'web', keys: ['e'],
      caption: 'At 40 s web-2 is frozen (cgroup.freeze): its CPU% drops to 0 while its memory stays charged. Frozen is not stopped.' },
    { at: 54, host: 'esx-a', select: 'worker', keys: ['e'],
      caption: 'Inside the VM k8s-node: worker-1 and worker-2 need 300 MiB under a 256 MiB memory.max. The kernel OOM-kills them (OOM) and they restart (RESTART).' },
    { at: 74, host: 'lx-1', select: 'web', keys: ['e'],
      caption: 'Back on lx-1: web-2 was thawed at 70 s and runs again.' },
    { at: 90, select: 'web', keys: ['e'],
      caption: 'At 90 s web scales from 3 to 5 replicas: the same load spread wider, 40% -> 24% of a CPU each.' },
    { at: 120, caption: 'At 120 s web gets 2 more CPUs of load for 30 s, shared by its replicas: each rises to about 35%, the host is full (800 of 800) and batch gives way.' },
    { at: 150, caption: 'At 150 s cache is checkpointed: frozen, its 480 MiB memory image written, then stopped (see the event line). It is restored at 165 s.' },
  ],
};

const vserver: Demo = {
  name: 'vserver',
  title: 'Linux-VServer token buckets: a guest bursts, is held when its bucket is empty, and bursts again',
  profile: 'vserver', speed: 1.5, delayS: 2, endS: 150,
  steps: [
    { at: 0, panel: 't', host: 'lx-1',
      caption: 'Two VServer guests on one CPU. burster\'s SHARE is R/T = 0.50; its bucket holds S = 15000 tokens, and every tick it runs costs one.' },
    { at: 10, caption: 'burster runs flat out (%USED 80: steady takes its 20) and spends 300 tokens a second more than R/T refills: watch TOKENS fall.' },
    { at: 46, caption: 'When the bucket is empty the guest is HELD: no CPU at all until it has M = 2500 tokens again, 5 s later (HOLDS, HELD_S).' },
    { at: 58, caption: 'Then it bursts on what it saved, is held again, and so on: every 13 s, 5 s held. Averaged, it gets its 50%.' },
    { at: 100, caption: 'steady uses 20%, less than its SHARE of 0.30: its TOKENS stay near S, and it is never held.' },
    { at: 130, caption: 'Token buckets let a guest burst above its share for a while, then hold it back: HELD_S counts the seconds it spent held.' },
  ],
};

const migration: Demo = {
  name: 'migration',
  title: 'vMotion: a live migration, a refused one, a hot VM slowed until it converges, then a host failure and HA',
  profile: 'migration', speed: 5, delayS: 5, endS: 420,
  steps: [
    { at: 0, panel: 'c', host: 'esx-a', sort: 'N',
      caption: 'A cluster of three ESXi hosts; every VM starts on esx-a (Tab shows esx-b and esx-c, idle). DRS is manual: it only recommends.' },
    { at: 62, panel: 'o',
      caption: 'The hosts view (o): esx-a carries every VM, esx-b and esx-c idle. DRS (manual) recommends db -> esx-b and cache -> esx-c (RECOMMENDS line). Someone has to act.' },
    { at: 148, select: 'esx-a', keys: ['e'],
      caption: 'At 150 s db (4 GiB, dirtying 25 MiB/s) starts a vMotion to esx-b over a 1 Gbit link: pre-copy rounds while it keeps running (its row: mig and the share sent).' },
    { at: 162, caption: 'nfv has a NIC passed through from esx-a\'s hardware: its migration is refused (event line), nothing is half-done.' },
    { at: 196, panel: 'c', host: 'esx-b',
      caption: 'db runs on esx-b now, its CPU with it: 4 pre-copy rounds, about 5 GiB sent, a fraction of a second of downtime (event line).' },
    { at: 238, host: 'esx-a',
      caption: 'At 240 s cache moves to esx-c (mig and its progress next to its name). It dirties 100 MiB/s, close to the link\'s 119: left alone, the rounds would barely shrink.' },
    { at: 304, host: 'esx-c',
      caption: 'cache reached esx-c after 46 s with 0.3 s of downtime: ESXi\'s Stun During Page Send put its vCPUs to sleep 11.5 s of those 46 (%WAIT) so the rounds shrank. web-4 and web-5 were deployed here from a template.' },
    { at: 340, panel: 'o', select: 'esx-b', keys: ['e'], command: { action: 'fail', target: 'esx-b' },
      caption: 'At 340 s esx-b fails (FAILED) and db goes down with it (DOWN, and when HA restarts it). HA waits 15 s for a heartbeat before it declares the host dead.' },
    { at: 360,
      caption: 'HA restarted db on esx-a (event line, and its row back under esx-a): about 17 s of downtime, against vMotion\'s fraction of a second. Plan your moves.' },
  ],
};

const siteRecovery: Demo = {
  name: 'site-recovery',
  title: 'Site Recovery: replication with an RPO, a whole site failing, and the recovery plan powering its VMs on at the other site',
  profile: 'site-recovery', speed: 5, delayS: 5, endS: 540,
  steps: [
    { at: 0, panel: 'o', select: 'esx-a', keys: ['e'],
      caption: 'Two sites: dc1 (esx-a, esx-b) runs the business, dr (dr-1, dr-2) stands by. The SITES line: each site\'s VMs replicated to the other.' },
    { at: 30,
      caption: 'A protected VM\'s row: its replica at dr and how old its newest replication point is, against its RPO (db 2 min, the web VMs 5 min).' },
    { at: 100,
      caption: 'db writes 5.6 MiB/s. A sync sends what changed since the last one started, and starts early enough that the point never gets older than the RPO.' },
    { at: 200, select: 'esx-b', keys: ['e'],
      caption: 'On esx-b: app-1 and app-2 are protected (priority 2); build has no RPO, so nothing of it is at dr.' },
    { at: 380,
      caption: 'At 400 s all of dc1 fails at once: a site outage, not a host failure. HA restarts VMs within a site, so it can do nothing here.' },
    { at: 405,
      caption: 'dc1\'s hosts are FAILED, its VMs DOWN. The recovery plan (the SITE RECOVERY line above the table) first takes 60 s: the replicas become disks at dr.' },
    { at: 462, select: 'dr-2', keys: ['e'],
      caption: 'At 460 s priority group 1: db powers on at dr from its replica. It has lost the writes since its last replication point (its row, the event line).' },
    { at: 477,
      caption: 'db\'s guest is up (5 s boot), plus the plan\'s 10 s delay: priority 2 powers on, app-1 and app-2; they lost more, their RPO being 5 min.' },
    { at: 492, select: 'dr-1', keys: ['e'],
      caption: 'Then priority 3, the web tier, on dr-1. Priority groups order a recovery: the database before the applications that need it.' },
    { at: 510,
      caption: 'The plan is done: every protected VM runs at dr, each having lost less than its RPO. build, unprotected, stays down until dc1 is back.' },
  ],
};

export const DEMOS: readonly Demo[] = [overcommit, rightSizing, containers, vserver, migration, siteRecovery];

export function findDemo(name: string): Demo | undefined {
  return DEMOS.find((d) => d.name === name);
}
