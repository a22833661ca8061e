// vmtop's command line (docs/cli.md). Ink and React load only for the interactive monitor, so
// batch, validate and profiles start fast.

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { listBuiltinProfiles } from '../profile/index.js';
import { Engine } from '../engine/engine.js';
import { Recorder } from '../record/recorder.js';
import { every, firstThenFresh, runBatch } from './batch.js';
import { loadProfileSource } from './load-profile.js';
import { checkHostOptions, checkWholeSeconds } from './csv-targets.js';
import { checkRecordPath, runCapture, runDemo, runLive, runReplay } from './monitor.js';
import { isCapturePath } from './capture-source.js';
import { loadRecording } from './replay-source.js';
import { range } from '../limits.js';
import { checkBatchDelay, colorWanted, formatValue, limitedInteger, limitedNumber, seedValue, speedValue, themeValue } from './options.js';
import type { ThemeName } from '../tui/theme.js';
import { UsageError } from './usage-error.js';
import { validateCommand } from './validate.js';
import { importCommand } from './import.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

interface CommonOpts {
  seed?: number;
  speed: number;
  delay: number;
  color?: boolean;
  record?: string;
}

function program(): Command {
  const p = new Command('vmtop')
    .description('A live, esxtop-style monitor of a simulated virtualization lab')
    .version(pkg.version, '-v, --version', 'print the version (also -V)')
    // `vmtop help batch` as git and npm have it; the root's own action would take "help" for a profile
    .helpCommand('help [command]', 'show the help of vmtop or of one command')
    .argument('[profile]', 'built-in profile name or path to a YAML profile (default: lab)')
    .option('--seed <n>', `seed of the simulation, ${range('seed')} (default: the profile's)`, seedValue)
    .option('--speed <x>', `simulated seconds per wall second, ${range('monitorSpeed')}`, speedValue('monitorSpeed'), 1)
    .option('-d, --delay <sec>', `refresh interval in simulated seconds, ${range('monitorDelayS')}`, limitedNumber('--delay', 'monitorDelayS', 'simulated seconds'), 2)
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .option('--theme <name>', 'colour theme: default, light (for light backgrounds) or none (T cycles them)', themeValue)
    .option('--record <file>', 'write a recording of the run (profile, seed, every command) to FILE at exit')
    .enablePositionalOptions()
    .showHelpAfterError('(run vmtop --help for usage)')
    // commander's own errors read like the rest: "vmtop: unknown option '--x'" (subcommands inherit this)
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'vmtop: ')) })
    .exitOverride()
    .action(async (profileArg: string | undefined, opts: CommonOpts & { theme?: ThemeName }, cmd: Command) => {
      if (isCapturePath(profileArg)) {
        await runCapture(profileArg, { speed: opts.speed, color: colorWanted(opts.color) });
        return;
      }
      // -d on the command line wins over the delay saved in the config file (W)
      await runLive(profileArg, { ...opts, color: colorWanted(opts.color), delayGiven: cmd.getOptionValueSource('delay') === 'cli' });
    });

  p.command('replay')
    .description('play a recording in the monitor: pause, step (.), speed and panels are yours; commands are refused')
    .argument('<file>', 'a recording written with --record')
    .option('--speed <x>', `simulated seconds per wall second, ${range('monitorSpeed')}`, speedValue('monitorSpeed'), 1)
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .exitOverride()
    .action(async (file: string, opts: { speed: number; color?: boolean }) => {
      if (isCapturePath(file)) await runCapture(file, { speed: opts.speed, color: colorWanted(opts.color) });
      else await runReplay(file, { speed: opts.speed, color: colorWanted(opts.color) });
    });

  p.command('demo')
    .description('a scripted story on a built-in profile, with captions; without NAME, the list')
    .argument('[name]', 'the demo to run')
    // no default value: commander would print a second "(default: 1)" after the demo's own
    .option('--speed <x>', `simulated seconds per wall second, ${range('demoSpeed')} (default: the demo's own)`, speedValue('demoSpeed'))
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .option('--record <file>', 'write a recording of the demo to FILE at exit')
    .exitOverride()
    .action(async (name: string | undefined, opts: { speed?: number; color?: boolean; record?: string }) => {
      await runDemo(name, {
        speed: opts.speed ?? 1, speedGiven: opts.speed !== undefined, color: colorWanted(opts.color),
        record: opts.record,
      });
    });

  p.command('batch')
    .description('write samples like esxtop -b: COUNT samples, DELAY simulated seconds apart')
    .argument('[profile]', 'built-in profile name or path (default: lab)')
    .option('-d, --delay <sec>', `simulated seconds between samples, ${range('batchDelayS')} in whole quanta of the profile ` +
      `(10 ms by default); with --format csv ${range('csvDelayS')} whole seconds`, limitedNumber('--delay', 'batchDelayS', 'simulated seconds'), 2)
    .option('-n, --count <n>', `number of samples, ${range('count')} (default: until interrupted, paced in real time as esxtop -b is)`,
      limitedInteger('--count', 'count'))
    .addOption(new Option('--format <fmt>', 'csv (esxtop\'s Perfmon CSV, one host a file), csv-vmtop (vmtop\'s counters beside it) or jsonl')
      .argParser(formatValue).default('jsonl'))
    .option('-o, --output <file>', 'write to FILE instead of standard output (CSV of several hosts: FILE-HOST.csv each)')
    .option('--host <name>', 'CSV: the host whose file to write')
    .option('--all-hosts', 'CSV: every host in one file (not esxtop\'s one-host shape)', false)
    .option('--realtime', 'pace samples in wall time (DELAY / SPEED seconds apart); the default without -n', false)
    .option('--seed <n>', `seed of the simulation, ${range('seed')}`, seedValue)
    .option('--speed <x>', `simulated seconds per wall second, with --realtime, ${range('batchSpeed')}`, speedValue('batchSpeed'), 1)
    .option('--record <file>', 'write a recording of the run (profile, seed, commands) to FILE')
    .option('--replay <file>', 're-run a recording: the same samples the recorded run had')
    .exitOverride()
    .action(async (profileArg: string | undefined, opts, cmd: Command) => {
      const fromCli = (name: string) => cmd.getOptionValueSource(name) === 'cli';
      // Without -n a run has no end: paced in real time like esxtop -b, not a flood of samples
      // as fast as the engine makes them (38 MB in 20 s) until someone presses Ctrl-C.
      const endless = opts.count === undefined;
      const common = {
        format: opts.format, output: opts.output, host: opts.host, allHosts: opts.allHosts, realtime: opts.realtime, speed: opts.speed,
      };
      checkHostOptions(common);
      if (opts.replay === undefined || fromCli('delay')) checkWholeSeconds(opts.format, [opts.delay * 1000], () => `-d ${opts.delay}`);
      // a recording that cannot be written is refused before the first sample, not after the last
      if (opts.record) checkRecordPath(opts.record);
      if (opts.replay) {
        if (profileArg !== undefined) throw new UsageError('give either a PROFILE or --replay FILE, not both');
        if (fromCli('seed')) throw new UsageError('--seed cannot change a replay: the recording carries its seed');
        const { recording, profile } = loadRecording(opts.replay);
        if (fromCli('delay')) checkBatchDelay(opts.delay, profile.quantumMs);
        const engine = () => new Engine(profile, { seed: recording.seed, timeline: recording.commands });
        // The recorded instants, unless -d asks for a schedule of its own over the recorded span.
        const schedule = fromCli('delay')
          ? [...every(opts.delay * 1000, opts.count ?? Math.floor(recording.endMs / (opts.delay * 1000)))]
          : recording.samples.slice(0, opts.count);
        checkWholeSeconds(opts.format, schedule, (ms) => `--replay ${opts.replay}: a recorded sample at ${ms / 1000} s`);
        const recorder = opts.record ? new Recorder(opts.record, recording.profileText, recording.seed) : undefined;
        await runBatch(engine, { ...common, schedule, recorder });
        return;
      }
      const { profile, text } = loadProfileSource(profileArg);
      checkBatchDelay(opts.delay, profile.quantumMs);
      const first = new Engine(profile, { seed: opts.seed });
      const engine = firstThenFresh(first, () => new Engine(profile, { seed: opts.seed }));
      const recorder = opts.record ? new Recorder(opts.record, text, first.seed) : undefined;
      const schedule = endless ? every(opts.delay * 1000, undefined) : [...every(opts.delay * 1000, opts.count)];
      await runBatch(engine, { ...common, realtime: opts.realtime || endless, schedule, recorder });
    });

  p.command('import')
    .description('a what-if profile from a real host\'s esxtop -b capture: its host, VMs and their mean demand')
    .argument('<file>', 'an esxtop batch capture (esxtop -b, default or -a counters)')
    .option('-o, --output <file>', 'write the profile to FILE instead of standard output')
    .exitOverride()
    .action(async (file: string, opts: { output?: string }) => importCommand(file, opts.output));

  p.command('profiles')
    .description('list the built-in profiles')
    .exitOverride()
    .action(() => {
      const list = listBuiltinProfiles();
      const w = Math.max(...list.map((b) => b.name.length));
      for (const b of list) process.stdout.write(`${b.name.padEnd(w)}  ${b.description}\n`);
    });

  p.command('validate')
    .description('check a profile: exit 0 and a summary, or exit 2 and every error')
    .argument('<file>', 'profile to check (path or built-in name)')
    .exitOverride()
    .action((file: string) => validateCommand(file));

  return p;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const p = program();
    // commander answers `help nope` with the whole usage and no word of what was wrong
    if (argv[0] === 'help' && argv[1] !== undefined && argv[1] !== 'help' && !p.commands.some((c) => c.name() === argv[1])) {
      throw new UsageError(`help: no command named "${argv[1]}"; the commands are ${p.commands.map((c) => c.name()).join(', ')}`);
    }
    // -V as htop and most tools spell it; commander takes one short flag for the version
    await p.parseAsync(argv.length === 1 && argv[0] === '-V' ? ['--version'] : argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; everything else commander rejects is bad usage
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      // A list of profile errors starts each line with file:line:col, as compilers do, so that
      // editors can jump to them; a single message gets the program's name.
      process.stderr.write(err.message.includes('\n') ? `${err.message}\n` : `vmtop: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`vmtop: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.VMTOP_DEBUG) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 1;
  }
}

// A reader that goes away (`vmtop profiles | head -1`) ends the output quietly, as `batch` does
// with its own handler; without a listener Node throws the EPIPE with a stack trace. A terminal
// that went away (EIO) has nobody left to tell: the monitor ends on it (docs/exits.md).
// A command that listens itself (batch) reports its own failure: one message per failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' || err.code === 'EIO') return;
  if (process.stdout.listenerCount('error') > 1) return;
  process.stderr.write(`vmtop: cannot write the output: ${err.message}\n`);
  process.exitCode = 1;
});

process.exitCode = await main(process.argv.slice(2));
