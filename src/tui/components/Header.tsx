// The title line (profile, host, speed, delay, PAUSED), the clock line, and then the panel's own
// esxtop header lines (the CPU panel's pCPU USED and UTIL, the memory panel's PMEM, VMKMEM, PSHARE
// and SWAP, …), as the panel renders them.

import { Text } from 'ink';
import type { CaptureSnapshot } from '../../capture/snapshot.js';
import type { HostSample } from '../../engine/snapshot.js';
import type { MonitorView } from '../clock.js';
import { fit } from '../columns.js';
import type { Segment } from '../columns.js';
import { clockLine, titleText } from '../header-format.js';
import { accentColor, pausedColor } from '../theme.js';
import { RowLine } from './RowLine.js';

/** Lines the header takes: title and clock, then the panel's own lines. */
export function headerHeight(panelLines: readonly Segment[][]): number {
  return 2 + panelLines.length;
}

/** a real capture's position: ` sample 2/3 04/26/2018 14:06:32` (the count once it is known) */
function capturePosition(view: MonitorView): string {
  const c = (view.snapshot as Partial<CaptureSnapshot>).capture;
  return c ? ` sample ${c.index}/${c.count ?? '?'} ${c.label}` : '';
}

export interface HeaderProps {
  view: MonitorView;
  profile: string;
  /** the panel's own header lines (Panel.header) */
  panelLines: readonly Segment[][];
  host: HostSample | undefined;
  hostIndex: number;
  hostCount: number;
  width: number;
  color: boolean;
}

export function Header({ view, profile, panelLines, host, hostIndex, hostCount, width, color }: HeaderProps) {
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
      {panelLines.map((segments, i) => <RowLine key={i} segments={segments} selected={false} color={color} />)}
    </>
  );
}
