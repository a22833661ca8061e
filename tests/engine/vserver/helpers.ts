// VServer guests built in code, so engine tests do not depend on the YAML loader.
import type { VServerSpec, WorkloadSpec } from '../../../src/profile/types.js';
import { workload } from '../../helpers/profile.js';

export function guest(name: string, host: string, over: Partial<Omit<VServerSpec, 'workload'>> & { workload?: Partial<WorkloadSpec> } = {}): VServerSpec {
  const { workload: _workload, ...rest } = over;
  const tokensMax = over.tokensMax ?? 125;
  return {
    name, host, context: 101, ip: null, chroot: `/vservers/${name}`, capabilities: [], sched: 'hard',
    fillRate: 1, interval: 4, tokensMin: 15, tokensMax, tokens: tokensMax, ...rest,
    workload: workload(over.workload),
  };
}
