// The workload's JVM keys: jit_warmup's default, its range and where it may appear.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const vmWith = (workload: string) => yaml('name: x', 'hosts:', HOST, 'vms:', '  - name: v', '    host: h', '    memory: 4GiB', `    workload: ${workload}`);

describe('jit_warmup', () => {
  it('a jvm workload warms up over 60 s unless told; 0s for none; a generic workload has none', () => {
    expect(loadOk(vmWith('{ type: jvm, heap: 1GiB }')).vms[0].workload.jitWarmupMs).toBe(60_000);
    expect(loadOk(vmWith('{ type: jvm, heap: 1GiB, jit_warmup: 45s }')).vms[0].workload.jitWarmupMs).toBe(45_000);
    expect(loadOk(vmWith('{ type: jvm, heap: 1GiB, jit_warmup: 0s }')).vms[0].workload.jitWarmupMs).toBe(0);
    expect(loadOk(vmWith('{ cpu: 50% }')).vms[0].workload.jitWarmupMs).toBe(0);
  });

  it('on a generic workload: at its value, as heap is', () => {
    expect(errorsOf(vmWith('{ cpu: 50%, jit_warmup: 30s }'))).toEqual([
      'test.yaml:8:39: vms[0].workload.jit_warmup: jit_warmup is only for a workload of type: jvm (the JVM compiles its bytecode)',
    ]);
  });

  it('above an hour, or not a duration: at the value', () => {
    expect(errorsOf(vmWith('{ type: jvm, heap: 1GiB, jit_warmup: 2h }'))).toEqual([
      'test.yaml:8:52: vms[0].workload.jit_warmup: expected a duration 0s..1h like 60s',
    ]);
    expect(errorsOf(vmWith('{ type: jvm, heap: 1GiB, jit_warmup: soon }'))[0]).toMatch(/^test\.yaml:8:52: vms\[0\]\.workload\.jit_warmup: expected a duration/);
  });
});
