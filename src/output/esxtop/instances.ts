// Instance names as esxtop writes them, built from the engine's stable ids: a VM's group id, its
// vCPU worlds' ids, its host's index. Tools find VMs, vCPUs, ports and disks by these patterns.

/** `\\host\Object(instance)\Counter`, or `\\host\Object\Counter` for an object without instances. */
export function counterPath(host: string, object: string, instance: string | null, counter: string): string {
  return `\\\\${host}\\${object}${instance === null ? '' : `(${instance})`}\\${counter}`;
}

/** `Group Cpu(gid:name)`, `Group Memory(gid:name)`. */
export function groupInstance(gid: number, name: string): string {
  return `${gid}:${name}`;
}

/** A vCPU world: `gid:vm:wid:vmx-vcpu-N:vm`, as ESXi names the VMX's vCPU threads. */
export function vcpuInstance(gid: number, name: string, wid: number, index: number): string {
  return `${gid}:${name}:${wid}:vmx-vcpu-${index}:${name}`;
}

/**
 * The VMX cartel id: ESXi numbers a VM's worlds after its VMX world, the cartel id one above it
 * (`NetWorld-VM-<cartel>`, the port's third part), the vCPU worlds above that. vmtop's vCPU worlds
 * are gid × 1000 + 1 + N, so the cartel is gid × 1000 and the VMX world gid × 1000 − 1.
 */
export function vmxCartel(gid: number): number {
  return gid * 1000;
}

export function vmxWorld(gid: number): number {
  return vmxCartel(gid) - 1;
}

/** vSwitch0's first port id (0x2000000); esxtop shows vmnic0 at +2, VM ports after it. */
const VSWITCH0 = 0x2000000;
export const UPLINK_PORT = `vSwitch0:${VSWITCH0 + 2}:vmnic0`;

/** A VM's port: `switch:port:cartel:vm`, the port id vSwitch0's base plus the group id. */
export function vmPortInstance(gid: number, name: string): string {
  return `vSwitch0:${VSWITCH0 + gid}:${vmxCartel(gid)}:${name}`;
}

/** A VM's virtual disk and its one disk: `vm`, then `vm:scsi0:0`. */
export function virtualDiskInstances(name: string): [string, string] {
  return [name, `${name}:scsi0:0`];
}

/**
 * The host's datastore as an ESXi SCSI device id: an NAA-6 name (VMware's OUI 000c29, then the
 * host's index in the profile), not a datastore label: tools match `naa.`, `t10.`, `mpx.`.
 */
export function scsiDeviceId(hostIndex: number): string {
  return `naa.6000c29${hostIndex.toString(16).padStart(25, '0')}`;
}

/** A world on a device: `device-world`, the VM's VMX world on its datastore's device. */
export function deviceWorldInstance(device: string, gid: number): string {
  return `${device}-${vmxWorld(gid)}`;
}
