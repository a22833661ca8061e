// The title line (profile, host, speed, delay, PAUSED) and esxtop's three CPU header lines.

import { Text } from 'ink';
import type { HostSample } from '../../engine/snapshot.js';
import type { MonitorView } from '../clock.js';
import { fit } from '../columns.js';
import { clockLine, pcpuLine, titleText } from '../header-format.js';
import { accentColor, pausedColor } from '../theme.js';

export const HEADER_LINES = 4;

export interface HeaderProps {
  view: MonitorView;
  profile: string;
  host: HostSample | undefined;
  hostIndex: number;
  hostCount: number;
  width: number;
  color: boolean;
}

export function Header({ view, profile, host, hostIndex, hostCount, width, color }: HeaderProps) {
  const title = titleText({ profile, host, hostIndex, hostCount, speed: view.speed, delayS: view.delayS });
  const paused = view.paused ? 'PAUSED' : '';
  // PAUSED sits early in the line so a narrow terminal never truncates it away.
  const restWidth = Math.max(0, width - title.lead.length - 2 - (paused ? paused.length + 2 : 0));
  return (
    <>
      <Text wrap="truncate">
        <Text bold color={accentColor(color)}>{title.lead}</Text>
        {'  '}
        {paused ? <Text bold inverse color={pausedColor(color)}>{paused}</Text> : null}
        {paused ? '  ' : ''}
        {fit(title.rest, restWidth)}
      </Text>
      <Text wrap="truncate">{clockLine(view.snapshot, host, width)}</Text>
      <Text wrap="truncate">{pcpuLine('USED', host?.pcpuUsed ?? [], host?.['PCPU_USED%'] ?? 0, width)}</Text>
      <Text wrap="truncate">{pcpuLine('UTIL', host?.pcpuUtil ?? [], host?.['PCPU_UTIL%'] ?? 0, width)}</Text>
    </>
  );
}
