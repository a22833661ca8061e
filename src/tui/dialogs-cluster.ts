// The cluster and lifecycle keys: `H` migrates the selected VM to a host picked from a list that
// says why a host is not eligible, `X` fails (after y) or recovers a host, `P` powers a VM on or
// off (off after y), `S` suspends or resumes it, `B` resets it (after y: the guest reboots),
// `D` deploys a new VM from a template on a host
// picked (or where DRS places it). The key table wraps each in simCommand(), so a replay refuses
// them; what the engine answers (started, refused and why) shows on the status line.

import { PARTITION_NAME } from '../profile/partitions.js';
import type { HostSample, VmSample } from '../engine/snapshot.js';
import type { HostChoice } from '../engine/engine.js';
import { ENTITY_WORDS } from './entity.js';
import { PICK_ROWS, say, selectedEntity, send, type Choice, type PickDialog } from './dialogs.js';
import type { KeyEnv } from './keymap.js';
import { keyLabel } from './keys.js';
import { clamp, selectedIndex, type UiState } from './state.js';

/** Hosts whose kernel runs VMs (a container or VServer host runs none). */

/** The selected VM, or the answer to give when the selection is not one. */
function selectedVm(s: UiState, env: KeyEnv, key: string, does: string): { vm: VmSample } | { answer: UiState } {
  const { entity, row } = selectedEntity(s, env);
  if (!row) return { answer: say(s, `no row selected: ${key} ${does} the selected VM`) };
  if (!entity || entity.kind !== 'vm') {
    const what = entity ? `a ${ENTITY_WORDS[entity.kind]}` : 'not a VM';
    const hint = s.panel === 'hosts' ? ' (e shows a host\'s VMs)' : '';
    return { answer: say(s, `${key} ${does} a VM; ${row.name} is ${what}${hint}`) };
  }
  if (entity.vm.kind === 'system') return { answer: say(s, `${key}: ${entity.name} is the host's own partition, not a VM`) };
  return { vm: entity.vm };
}

// ---- H: migrate ----------------------------------------------------------------------------------

/** The engine's answer for each host as picker rows: eligible, or why not. */
function hostChoices(targets: readonly HostChoice[]): Choice[] {
  return targets.map((t) => ({ value: t.host, label: t.host, note: t.eligible ? 'eligible' : t.reason ?? 'not eligible', ok: t.eligible }));
}

export function openMigrate(s: UiState, env: KeyEnv): UiState {
  const got = selectedVm(s, env, 'H', 'migrates');
  if ('answer' in got) return got.answer;
  const vm = got.vm;
  const rec = env.view.snapshot.cluster?.recommendations.find((r) => r.vm === vm.name);
  // Storage DRS recommends moving its disk and DRS nothing for it: the disk's picker, as the recommendation says
  if (!rec && sdrsRecommendation(env, vm.name) && s.dialog?.kind !== 'pick') return openRelocate(s, env, vm.name);
  const targets = env.clock.migrationTargets?.(vm.name) ?? [];
  if (targets.length === 0) return say(s, 'H: this monitor has no simulation to ask where the VM could go');
  const choices = hostChoices(targets);
  // DRS's recommendation for this VM first, else the first eligible host
  const recAt = rec ? choices.findIndex((c) => c.ok && c.value === rec.to) : -1;
  if (recAt >= 0) choices[recAt] = { ...choices[recAt], note: `eligible; DRS recommends it (priority ${rec!.priority})` };
  const cursor = recAt >= 0 ? recAt : Math.max(0, choices.findIndex((c) => c.ok));
  const none = choices.every((c) => !c.ok);
  return { ...s, message: null, dialog: { kind: 'pick', purpose: 'migrate', target: vm.name,
    title: `Migrate VM ${vm.name} (on ${vm.host}) to:`, choices, cursor,
    error: none ? `no host can take ${vm.name} now (the reasons are listed); Esc closes` : null } };
}

/**
 * Tab in the `V` picker: the same VM's disk to another host's datastore (Storage vMotion), the VM
 * staying where it runs; Tab again goes back to the compute migration.
 */
function openRelocate(s: UiState, env: KeyEnv, vmName: string): UiState {
  const vm = env.view.snapshot.vms.find((v) => v.name === vmName);
  const targets = env.clock.relocationTargets?.(vmName) ?? [];
  if (targets.length === 0) return say(s, 'H: this monitor has no simulation to ask where the disk could go');
  const choices = hostChoices(targets);
  // Storage DRS's recommendation for this disk first, with its reason; else the first eligible datastore
  const rec = sdrsRecommendation(env, vmName);
  const recAt = rec ? choices.findIndex((c) => c.ok && c.value === rec.to) : -1;
  if (recAt >= 0) choices[recAt] = { ...choices[recAt], note: `eligible; Storage DRS recommends it (${rec!.reason}: ${rec!.why})` };
  const none = choices.every((c) => !c.ok);
  const where = vm ? ` (on ${vm.datastore ?? vm.host}'s datastore)` : '';
  return { ...s, message: null, dialog: { kind: 'pick', purpose: 'relocate', target: vmName,
    title: `Move the disk of VM ${vmName}${where} to the datastore of:`, choices, cursor: recAt >= 0 ? recAt : Math.max(0, choices.findIndex((c) => c.ok)),
    error: none ? `no datastore can take ${vmName}'s disk now (the reasons are listed); Esc closes` : null } };
}

/** Storage DRS's pending recommendation (manual mode) for the VM's disk, if any. */
function sdrsRecommendation(env: KeyEnv, vm: string) {
  const d = env.view.snapshot.cluster?.storageDrs;
  return d?.mode === 'manual' ? d.recommendations.find((r) => r.vm === vm) : undefined;
}

// ---- X: fail / recover ---------------------------------------------------------------------------

/** The `o` panel's selected host (a VM row: its host); elsewhere the host on screen. */
function chosenHost(s: UiState, env: KeyEnv): HostSample | undefined {
  const hosts = env.view.snapshot.hosts;
  if (s.panel === 'hosts') {
    const rows = env.rows(s);
    const row = rows[selectedIndex(rows, s)] as (typeof rows)[number] & { host?: string } | undefined;
    if (row?.host) return hosts.find((h) => h.name === row.host);
  }
  return hosts.find((h) => h.name === (s.host ?? env.hosts[0]));
}

/** X on a Domain-0 / Parent-Partition row: fail it (after y) or recover it, not the host. */
function partitionFailRecover(s: UiState, env: KeyEnv, part: VmSample): UiState {
  const target = part.host;
  const partition = part.name;
  if (part.state !== 'running') {
    return send(s, env, { action: 'recover', target, partition }, `recover sent to ${partition} on ${target} (the guests' held I/O drains)`);
  }
  const guests = env.view.snapshot.vms.filter((v) => v.host === target && v.kind === 'vm' && v.state === 'running').length;
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: `Fail ${partition} on ${target}? Its ${guests} guest${guests === 1 ? '' : 's'} lose their network and disk I/O.`,
    detail: 'They keep their vCPUs; their packets drop, their disk commands wait (QUED), I/O-bound ones block (%VMWAIT). X again recovers it.',
    yes: { type: 'command', command: { action: 'fail', target, partition }, done: `fail sent to ${partition} on ${target}` } } };
}

export function failRecover(s: UiState, env: KeyEnv): UiState {
  const picked = s.panel === 'hosts' ? undefined : selectedEntity(s, env).entity;
  if (picked?.kind === 'vm' && picked.vm.kind === 'system' && Object.values(PARTITION_NAME).includes(picked.vm.name)) {
    return partitionFailRecover(s, env, picked.vm);
  }
  const host = chosenHost(s, env);
  if (!host) return say(s, 'X: this profile has no hosts');
  const name = host.name;
  if (host.state !== 'up') {
    return send(s, env, { action: 'recover', target: name }, `recover sent to ${name} (${host.state === 'failed' ? 'it comes back empty' : 'out of standby'})`);
  }
  const vms = env.view.snapshot.vms.filter((v) => v.host === name && v.kind === 'vm' && (v.state === 'running' || v.state === 'migrating'));
  const cluster = env.view.snapshot.cluster;
  const detail = vms.length === 0
    ? 'X again recovers it.'
    : cluster?.ha
    ? 'HA restarts them elsewhere by restart priority; FT VMs fail over at once.'
    : 'No HA: they stay down (X again recovers the host, empty; P powers a VM on).';
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: vms.length ? `Fail host ${name}? Its ${vms.length} running VM${vms.length === 1 ? '' : 's'} go down.` : `Fail host ${name}? No VM runs on it now.`,
    detail,
    yes: { type: 'command', command: { action: 'fail', target: name }, done: `fail sent to ${name}` } } };
}

// ---- P: power on / off, S: suspend / resume ----------------------------------------------------

export function powerOnOff(s: UiState, env: KeyEnv): UiState {
  const got = selectedVm(s, env, 'P', 'powers on or off');
  if ('answer' in got) return got.answer;
  const vm = got.vm;
  if (vm.state === 'suspended') return say(s, `P: ${vm.name} is suspended: S resumes it (P powers on a VM that is off)`);
  if (vm.state === 'off' || vm.state === 'down') {
    return send(s, env, { action: 'power_on', target: vm.name }, `power on sent to ${vm.name}`);
  }
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: `Power off VM ${vm.name} on ${vm.host}?`,
    detail: 'Like pulling the plug: the guest stops at once, unsaved work is lost (P powers it on again).',
    yes: { type: 'command', command: { action: 'power_off', target: vm.name }, done: `power off sent to ${vm.name}` } } };
}

export function suspendResume(s: UiState, env: KeyEnv): UiState {
  const got = selectedVm(s, env, 'S', 'suspends or resumes');
  if ('answer' in got) return got.answer;
  const vm = got.vm;
  if (vm.state === 'suspended') return send(s, env, { action: 'resume', target: vm.name }, `resume sent to ${vm.name}`);
  if (vm.state === 'off' || vm.state === 'down') return say(s, `S: ${vm.name} is ${vm.state}: P powers it on`);
  return send(s, env, { action: 'suspend', target: vm.name }, `suspend sent to ${vm.name}`);
}

// ---- B: reset ------------------------------------------------------------------------------------

export function resetVm(s: UiState, env: KeyEnv): UiState {
  const got = selectedVm(s, env, 'B', 'resets');
  if ('answer' in got) return got.answer;
  const vm = got.vm;
  if (vm.state === 'migrating') return say(s, `B: ${vm.name} is migrating: reset it when the migration is done`);
  if (vm.state !== 'running') return say(s, `B: ${vm.name} is ${vm.state}: there is no guest to reset (${vm.state === 'suspended' ? 'S resumes it' : 'P powers it on'})`);
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: `Reset VM ${vm.name} on ${vm.host}?`,
    detail: 'Like pressing its reset button: the guest reboots at once, unsaved work is lost; it stays on its host.',
    yes: { type: 'command', command: { action: 'reset', target: vm.name }, done: `reset sent to ${vm.name}` } } };
}

// ---- G: the guest shuts itself down ---------------------------------------------------------------

/** The guest's own poweroff (as vSphere's "Shut Down Guest OS"), unlike P's plug pulled. */
export function shutdownGuest(s: UiState, env: KeyEnv): UiState {
  const got = selectedVm(s, env, 'G', 'shuts down');
  if ('answer' in got) return got.answer;
  const vm = got.vm;
  if (vm.state === 'migrating') return say(s, `G: ${vm.name} is migrating: shut it down when the migration is done`);
  if (vm.state !== 'running') return say(s, `G: ${vm.name} is ${vm.state}: there is no guest to shut down (${vm.state === 'suspended' ? 'S resumes it' : 'P powers it on'})`);
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: `Shut down the guest OS of VM ${vm.name} on ${vm.host}?`,
    detail: 'The guest powers itself off; the hypervisor powers off only this VM and HA leaves it off (P powers it on again).',
    yes: { type: 'command', command: { action: 'shutdown', target: vm.name }, done: `guest shutdown sent to ${vm.name}` } } };
}

// ---- D: deploy from a template -------------------------------------------------------------------

/** A deploy is answered under the new VM's name; its event's detail names the template. */
export const deployReply = (template: string) => `deployed from ${template} `;

export function openDeploy(s: UiState, env: KeyEnv): UiState {
  const templates = env.clock.templates?.() ?? [];
  if (templates.length === 0) return say(s, 'D: this profile has no templates (a templates: section lists them)');
  return { ...s, message: null, dialog: { kind: 'pick', purpose: 'template', target: '', title: 'Deploy a new VM from the template:',
    choices: templates.map((t) => ({ value: t, label: t, note: '', ok: true })), cursor: 0, error: null } };
}

/** The engine's answer for each host (the checks a deploy makes), after DRS's own choice. */
function deployHosts(env: KeyEnv, template: string): Choice[] {
  const any: Choice = { value: '', label: 'any host', note: 'DRS places it on the least loaded host that can start it', ok: true };
  const hypervisor = (name: string) => env.view.snapshot.hosts.find((h) => h.name === name)?.hypervisor ?? '';
  return [any, ...(env.clock.deployTargets?.(template) ?? []).map((t): Choice => (t.eligible
    ? { value: t.host, label: t.host, note: `${hypervisor(t.host)}, up`, ok: true }
    : { value: t.host, label: t.host, note: t.reason ?? 'not eligible', ok: false }))];
}

// ---- keys while a picker is open -----------------------------------------------------------------

export function pickKey(s: UiState, d: PickDialog, id: string, env: KeyEnv): UiState {
  const moveTo = (cursor: number): UiState => ({ ...s, dialog: { ...d, cursor: clamp(cursor, 0, d.choices.length - 1), error: null } });
  switch (id) {
    case 'esc': case 'q': {
      const what = d.purpose === 'migrate' ? `migration of ${d.target}` : d.purpose === 'relocate' ? `relocation of ${d.target}'s disk` : 'deploy';
      return say({ ...s, dialog: null }, `${what} cancelled: nothing sent`);
    }
    case 'up': case 'k': return moveTo(d.cursor - 1);
    case 'down': case 'j': return moveTo(d.cursor + 1);
    case 'pgup': return moveTo(d.cursor - PICK_ROWS);
    case 'pgdn': return moveTo(d.cursor + PICK_ROWS);
    case 'home': return moveTo(0);
    case 'end': return moveTo(d.choices.length - 1);
    case 'tab': {
      if (d.purpose === 'migrate') return openRelocate(s, env, d.target);
      if (d.purpose === 'relocate') return openMigrate(s, env);
      return { ...s, dialog: { ...d, error: `Tab: ↑ ↓ pick, Enter ${d.purpose === 'template' ? 'chooses' : 'sends'}, Esc cancels` } };
    }
    case 'enter': {
      const c = d.choices[d.cursor];
      if (!c) return s;
      if (!c.ok) return { ...s, dialog: { ...d, error: `not ${c.label}: ${c.note}` } };
      if (d.purpose === 'migrate') {
        return send(s, env, { action: 'migrate', target: d.target, to: c.value }, `migrate ${d.target} → ${c.value} sent`);
      }
      if (d.purpose === 'relocate') {
        return send(s, env, { action: 'relocate', target: d.target, to: c.value }, `relocate ${d.target}'s disk → ${c.value} sent`);
      }
      if (d.purpose === 'template') {
        return { ...s, dialog: { kind: 'pick', purpose: 'deploy-host', target: c.value, title: `Deploy from ${c.value} on:`,
          choices: deployHosts(env, c.value), cursor: 0, error: null } };
      }
      const where = c.value ? ` on ${c.value}` : ' (DRS places it)';
      return send(s, env, { action: 'deploy', target: d.target, ...(c.value ? { to: c.value } : {}) },
        `deploy from ${d.target}${where} sent`, deployReply(d.target));
    }
    default:
      return { ...s, dialog: { ...d, error: `${keyLabel(id)}: ↑ ↓ pick, Enter ${d.purpose === 'template' ? 'chooses' : 'sends'}, Esc cancels` } };
  }
}
