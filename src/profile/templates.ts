// The `templates:` section: VMs without a host, which `deploy` instantiates under a fresh name
// (placed by DRS when the command names no host). Same keys as a VM but host, count and the
// Site Recovery keys (a template is at no site).
import type { TemplateSpec } from './types.js';
import { name } from './values.js';
import type { NameBook } from './names.js';
import { MapReader, type Ctx, type Item } from './reader.js';
import { VM_KEYS, VM_ONLY_KEYS, readVmBody } from './vms.js';

export const TEMPLATE_KEYS = VM_KEYS.filter((k) => !(VM_ONLY_KEYS as readonly string[]).includes(k) && k !== 'count');

export function readTemplates(ctx: Ctx, items: readonly Item[], names: NameBook): TemplateSpec[] {
  const out: TemplateSpec[] = [];
  for (const item of items) {
    const m = MapReader.open(ctx, item.node, item.at, item.path, TEMPLATE_KEYS, 'a template mapping (name, vcpus, memory, …)');
    if (!m) continue;
    const body = readVmBody(m);
    const n = m.need('name', name);
    if (n === undefined) continue;
    names.claim([n], 'template', m);
    out.push({ name: n, ...body });
  }
  return out;
}
