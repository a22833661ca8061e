// The title line (profile, host, speed, delay, PAUSED), the clock line, and then the panel's own
// esxtop header: the CPU panel's pCPU USED and UTIL lines, or the memory panel's PMEM, VMKMEM,
// PSHARE and SWAP lines.

import { Text } from 'ink';
import type { CaptureSnapshot } from '../../capture/snapshot.js';
import type { HostSample } from '../../engine/snapshot.js';
import type { MonitorView } from '../clock.js';
import { fit } from '../columns.js';
import { clockLine, memHeaderLines, pcpuLine, titleText } from '../header-format.js';
import type { PanelId } from '../state.js';
import { accentColor, pausedColor } from '../theme.js';
import { panelHeaderLines } from '../header-panels.js';
import { isTablePanel } from '../panels.js';
import { RowLine } from './RowLine.js';

const PANEL_LINES: Record<PanelId, number> = { cpu: 2, mem: 4, net: 2, disk: 2, cgroup: 2, vserver: 2, hosts: 3 };

/** Lines the header takes in a panel: title and clock, then the panel's own lines. */
export function headerLines(panel: PanelId): number {
  return 2 + PANEL_LINES[panel];
}

/** a real capture's position: ` sample 2/3 04/26/2018 14:06:32` (the count once it is known) */
function capturePosition(view: MonitorView): string {
  const c = (view.snapshot as Partial<CaptureSnapshot>).capture;
  return c ? ` sample ${c.index}/${c.count ?? '?'} ${c.label}` : '';
}

export interface HeaderProps {
  view: MonitorView;
  profile: string;
  panel: PanelId;
  host: HostSample | undefined;
  hostIndex: number;
  hostCount: number;
  width: number;
  color: boolean;
}

export function Header({ view, profile, panel, host, hostIndex, hostCount, width, color }: HeaderProps) {
  const title = titleText({ profile, host, hostIndex, hostCount, speed: view.speed, delayS: view.delayS });
  // at a replay's end REPLAY END says it: PAUSED beside it promised that space would go on
  const paused = view.paused && !view.ended ? 'PAUSED' : '';
  // REPLAY (a recording plays back: commands are refused) and DEMO mark the mode.
  const mode = view.mode === 'replay' ? (view.ended ? 'REPLAY END' : 'REPLAY') + capturePosition(view) : view.mode === 'demo' ? 'DEMO' : '';
  // PAUSED sits early in the line so a narrow terminal never truncates it away.
  const restWidth = Math.max(0, width - title.lead.length - 2 - (paused ? paused.length + 2 : 0) - (mode ? mode.length + 2 : 0));
  return (
    <>
      <Text wrap="truncate">
        <Text bold color={accentColor(color)}>{title.lead}</Text>
        {'  '}
        {paused ? <Text bold inverse color={pausedColor(color)}>{paused}</Text> : null}
        {paused ? '  ' : ''}
        {mode ? <Text bold inverse color={accentColor(color)}>{mode}</Text> : null}
        {mode ? '  ' : ''}
        {fit(title.rest, restWidth)}
      </Text>
      <Text wrap="truncate">{clockLine(view.snapshot, host, width)}</Text>
      {panel === 'mem' || isTablePanel(panel)
        ? (isTablePanel(panel) ? panelHeaderLines(panel, view.snapshot, host, width) : memHeaderLines(host, width)).map((segments, i) => (
          <RowLine key={i} segments={segments} selected={false} color={color} />
        ))
        : (
          <>
            <Text wrap="truncate">{pcpuLine('USED', host?.pcpuUsed ?? [], host?.['PCPU_USED%'] ?? 0, width)}</Text>
            <Text wrap="truncate">{pcpuLine('UTIL', host?.pcpuUtil ?? [], host?.['PCPU_UTIL%'] ?? 0, width)}</Text>
          </>
        )}
    </>
  );
}
