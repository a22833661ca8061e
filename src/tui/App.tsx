// The monitor screen: reads the clock's store, owns the UI state, routes keys, and lays out
// header, panel (CPU or memory), status line and footer in exactly rows - 1 lines.

import { Box, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MonitorClock } from './clock.js';
import { cpuHeaderLine, cpuRowSegments, fitCpuColumns, fitMemColumns, memHeaderLine, memRowSegments } from './columns.js';
import { Footer } from './components/Footer.js';
import { Header, headerLines } from './components/Header.js';
import { HelpOverlay, helpPage } from './components/HelpOverlay.js';
import { StatusLine } from './components/StatusLine.js';
import { TablePanel } from './components/TablePanel.js';
import { TooSmall } from './components/TooSmall.js';
import { handleKey } from './dispatch.js';
import { helpLines } from './help-text.js';
import type { KeyEnv } from './keymap.js';
import { keyIds } from './keys.js';
import { cpuRows, memRows, type PanelRow } from './rows.js';
import { initialUi, scrollTop, selectedIndex, type UiState } from './state.js';
import { frameHeight, frameWidth, MIN_SIZE, useTerminalSize, type TerminalSize } from './terminal-size.js';

export interface AppProps {
  clock: MonitorClock;
  profileName: string;
  color: boolean;
  /** show the `>` selection column; defaults to on when there is no colour */
  marker?: boolean;
  /** fixed terminal size (tests); otherwise read from stdout and followed on resize */
  size?: TerminalSize;
  /** defaults to Ink's exit, which ends the render and resolves runMonitor */
  onQuit?: () => void;
}

/** Status line and footer below the panel. */
const BOTTOM_LINES = 2;

export function App({ clock, profileName, color, marker = !color, size: fixedSize, onQuit }: AppProps) {
  const view = useSyncExternalStore(clock.store.subscribe, clock.store.get);
  const size = useTerminalSize(fixedSize);
  const { exit } = useApp();
  const [ui, setUi] = useState<UiState>(initialUi);
  const uiRef = useRef(ui);
  uiRef.current = ui;

  const width = frameWidth(size);
  const height = frameHeight(size);
  const { hosts, vms } = view.snapshot;
  const hostOf = (s: UiState) => hosts.find((h) => h.name === s.host) ?? hosts[0];
  const host = hostOf(ui);
  const rowsOf = (s: UiState): readonly PanelRow[] => s.panel === 'mem'
    ? memRows(vms, hostOf(s)?.name, s.sort)
    : cpuRows(vms, hostOf(s)?.name, s.sort, s.expanded);
  const panelHeightOf = (s: UiState) => height - headerLines(s.panel) - BOTTOM_LINES;
  const pageOf = (s: UiState) => Math.max(1, panelHeightOf(s) - 1);
  const onCpu = ui.panel === 'cpu';
  const cpu = useMemo(() => (onCpu ? cpuRows(vms, host?.name, ui.sort, ui.expanded) : []),
    [onCpu, vms, host?.name, ui.sort, ui.expanded]);
  const mem = useMemo(() => (onCpu ? [] : memRows(vms, host?.name, ui.sort)), [onCpu, vms, host?.name, ui.sort]);
  const rows: readonly PanelRow[] = onCpu ? cpu : mem;
  const panelHeight = panelHeightOf(ui);
  const page = pageOf(ui);
  const selected = selectedIndex(rows, ui);
  const top = scrollTop(ui.top, selected, page, rows.length);
  const longest = rows.reduce((n, r) => Math.max(n, r.name.length + (r.kind === 'vcpu' ? 2 : 0)), 0);
  const cpuLayout = useMemo(() => fitCpuColumns(width, marker, longest), [width, marker, longest]);
  const memLayout = useMemo(() => fitMemColumns(width, marker, longest), [width, marker, longest]);

  // Pin the selection to an entity as soon as there is one, so a re-sort moves the bar with it.
  const selectedKey = selected >= 0 ? rows[selected].key : null;
  useEffect(() => {
    if (selectedKey !== null && selectedKey !== ui.selected) {
      setUi((s) => ({ ...s, selected: selectedKey, selIndex: selected }));
    }
  }, [selectedKey, selected, ui.selected]);

  useInput((input, key) => {
    let quitting = false;
    const env: KeyEnv = {
      rows: rowsOf, page: pageOf, clock, hosts: hosts.map((h) => h.name),
      quit: () => {
        quitting = true;
      },
    };
    const help = { lines: helpLines(width).length, page: helpPage(height) };
    let s = uiRef.current;
    for (const id of keyIds(input, key)) {
      s = handleKey(s, id, env, help);
      if (quitting) break;
    }
    uiRef.current = s;
    setUi(s);
    if (quitting) (onQuit ?? exit)();
  });

  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) return <TooSmall size={size} />;
  if (ui.help) {
    return <HelpOverlay top={ui.helpTop} width={width} height={height} message={ui.message} color={color} />;
  }
  return (
    <Box flexDirection="column" height={height}>
      <Header view={view} profile={profileName} panel={ui.panel} host={host}
        hostIndex={host ? hosts.indexOf(host) : 0} hostCount={hosts.length} width={width} color={color} />
      {onCpu
        ? <TablePanel heading={cpuHeaderLine(cpuLayout)} rows={cpu} empty="  no VMs on this host"
          segments={(row, sel) => cpuRowSegments(row, cpuLayout, sel)}
          selected={selected} top={top} height={panelHeight} color={color} />
        : <TablePanel heading={memHeaderLine(memLayout)} rows={mem} empty="  no VMs on this host"
          segments={(row, sel) => memRowSegments(row, memLayout, sel)}
          selected={selected} top={top} height={panelHeight} color={color} />}
      <StatusLine ui={ui} events={view.events} width={width} color={color} />
      <Footer panel={ui.panel} width={width} color={color} />
    </Box>
  );
}
