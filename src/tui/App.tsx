// The monitor screen: reads the clock's store, owns the UI state, routes keys, and lays out
// header, panel, status line and footer in exactly rows - 1 lines.

import { Box, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { REPLAY_ENDED, type MonitorClock } from './clock.js';
import { Footer } from './components/Footer.js';
import { CommandLine } from './components/CommandLine.js';
import { Header, headerHeight } from './components/Header.js';
import { HelpOverlay, helpPage } from './components/HelpOverlay.js';
import { scrollMarker, StatusLine } from './components/StatusLine.js';
import { TooSmall } from './components/TooSmall.js';
import { handleKey } from './dispatch.js';
import { helpLines } from './help-text.js';
import type { KeyEnv } from './keymap.js';
import { keyIds } from './keys.js';
import type { PanelRow } from './panels/rows.js';
import { applyCue, NO_CUE, type ScriptCue } from './script.js';
import type { Store } from './store.js';
import { CaptionLines, CAPTION_LINES } from './components/Caption.js';
import { scrollTop, selectedIndex, type UiState } from './state.js';
import { configPath, type ConfigLoad } from './config.js';
import { Details } from './components/Details.js';
import { EntityTable } from './components/EntityTable.js';
import { EventLog } from './components/EventLog.js';
import { PANELS } from './panels/registry.js';
import { columnAt, fitTable } from './panels/table.js';
import type { PointTarget } from './mouse.js';
import { DialogBox } from './components/Dialog.js';
import { FieldChooser } from './components/FieldChooser.js';
import { dialogHeight } from './dialogs.js';
import { hiddenFields } from './fields-chooser.js';
import { activeFilter, filterRows, noMatchText, vmRowsOnly } from './filter.js';
import { History } from './history.js';
import { startUi } from './start.js';
import { selectTheme, type ThemeName } from './theme.js';
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
  /** Ctrl-L: repaint the whole frame (the frame writer's; absent in tests) */
  onRedraw?: () => void;
  /** a demo's cues: panels, hosts, sorts and rows to show at set simulated times */
  script?: Store<ScriptCue>;
  /** the view settings file read at start (W writes it); absent: W writes to the default path */
  config?: ConfigLoad;
  /** --theme; otherwise the config's, or `none` without colour */
  theme?: ThemeName;
}

const noCues = () => () => {};
const noCue = () => NO_CUE;

/** Status line and footer below the panel. */
const BOTTOM_LINES = 2;

export function App({ clock, profileName, color: colorWanted, marker: markerProp, size: fixedSize, onQuit, onRedraw, script, config, theme }: AppProps) {
  const view = useSyncExternalStore(clock.store.subscribe, clock.store.get);
  const cue = useSyncExternalStore(script?.subscribe ?? noCues, script?.get ?? noCue);
  const size = useTerminalSize(fixedSize);
  const { exit } = useApp();
  const [ui, setUi] = useState<UiState>(() => startUi(config, theme, colorWanted));
  const uiRef = useRef(ui);
  uiRef.current = ui;
  // The theme picks the palette; `none` has no colour, and then the `>` column marks the selection.
  const color = selectTheme(ui.theme);
  const marker = markerProp === true || !color;
  const history = useMemo(() => new History(), []);
  useEffect(() => history.follow(clock.store), [history, clock]);
  history.record(view.snapshot);

  const width = frameWidth(size);
  const height = frameHeight(size);
  const { hosts } = view.snapshot;
  const hostOf = (s: UiState) => hosts.find((h) => h.name === s.host) ?? hosts[0];
  const host = hostOf(ui);
  const systemGids = useMemo(() => new Set(view.snapshot.vms.filter((v) => v.kind === 'system').map((v) => v.gid)), [view.snapshot]);
  const shownRows = (s: UiState, all: readonly PanelRow[]) => (s.vmsOnly ? vmRowsOnly(all, systemGids) : all);
  const rowsOf = (s: UiState): readonly PanelRow[] =>
    filterRows<PanelRow>(shownRows(s, PANELS[s.panel].rows(view.snapshot, hostOf(s)?.name, s)), activeFilter(s));
  // a demo's caption takes the footer's line and one more
  const bottomLines = view.mode === 'demo' ? BOTTOM_LINES - 1 + CAPTION_LINES : BOTTOM_LINES;
  const panel = PANELS[ui.panel];
  const panelLines = useMemo(() => panel.header(view.snapshot, host, width), [panel, view.snapshot, host, width]);
  const headerOf = (s: UiState) => (s.panel === ui.panel ? panelLines : PANELS[s.panel].header(view.snapshot, hostOf(s), width));
  const panelHeightOf = (s: UiState) => height - headerHeight(headerOf(s)) - bottomLines - dialogHeight(s.dialog, width);
  // esxtop's `#`: a number of rows, or as many as fit; never more than fit (the rest would be cut)
  const pageOf = (s: UiState) => {
    const fits = Math.max(1, panelHeightOf(s) - 1);
    return s.rowLimit > 0 ? Math.min(s.rowLimit, fits) : fits;
  };
  const filter = activeFilter(ui);
  const rows = useMemo(() => filterRows<PanelRow>(shownRows(ui, panel.rows(view.snapshot, host?.name, ui)), filter),
    [panel, view.snapshot, host?.name, ui.sort, ui.expanded, ui.openServices, ui.openHosts, ui.vmsOnly, filter]);
  // a filter that hides every row says so; a host with no rows at all keeps the panel's own line
  const noMatch = rows.length === 0 && rowsOf({ ...ui, filter: '', dialog: null }).length > 0 ? noMatchText(filter) : null;
  const panelHeight = panelHeightOf(ui);
  const page = pageOf(ui);
  const selected = selectedIndex(rows, ui);
  const top = scrollTop(ui.top, selected, page, rows.length);

  // Once a row is chosen the selection is pinned to its entity, so a re-sort moves the bar with
  // it (and an entity that left hands over to the row where it was). Until then the bar stays on
  // the first row: at start the order is not settled yet (every VM at 0% before the first
  // sample), and pinning then left the bar on whichever VM happened to be first.
  const selectedKey = selected >= 0 ? rows[selected].key : null;
  useEffect(() => {
    if (ui.selected !== null && selectedKey !== null && selectedKey !== ui.selected) {
      setUi((s) => ({ ...s, selected: selectedKey, selIndex: selected }));
    }
  }, [selectedKey, selected, ui.selected]);

  /** What a click at a 0-based screen column and line lands on: a panel row or a column header. */
  const pointAt = (s: UiState, column: number, line: number): PointTarget => {
    const headerLines = headerHeight(headerOf(s));
    const all = rowsOf(s);
    if (line === headerLines) {
      const layout = fitTable(PANELS[s.panel].table, width, marker, all, hiddenFields(s, s.panel));
      const hit = columnAt(layout, column);
      return hit ? { column: hit.key, label: hit.label } : null;
    }
    // the event line: the status line, above the footer (a demo's caption takes two lines there)
    if (line === height - bottomLines) return { eventLine: true };
    const pageRows = pageOf(s);
    const first = scrollTop(s.top, selectedIndex(all, s), pageRows, all.length);
    const index = first + line - headerLines - 1;
    return line > headerLines && index < Math.min(all.length, first + pageRows) ? { row: index } : null;
  };

  const keyEnv = (quit: () => void): KeyEnv => ({
    rows: rowsOf, page: pageOf, clock, hosts: hosts.map((h) => h.name), quit, replaying: clock.replaying, capture: clock.capture,
    view: clock.store.get(), configPath: config?.path ?? configPath(), redraw: onRedraw, pointAt,
  });
  const helpGeometry = () => ({ lines: helpLines(width).length, page: helpPage(height), text: () => helpLines(width) });

  // The end of a replay is said on the status line, in place of what a key answered before it
  // (a "resumed" beside REPLAY END).
  useEffect(() => {
    if (!view.ended) return;
    const s = { ...uiRef.current, message: REPLAY_ENDED, awaiting: null };
    uiRef.current = s;
    setUi(s);
  }, [view.ended]);

  // A script's cue is applied as if its keys were typed.
  useEffect(() => {
    if (cue.seq === 0) return;
    const s = applyCue(uiRef.current, cue, keyEnv(() => {}), helpGeometry());
    uiRef.current = s;
    setUi(s);
  }, [cue]);

  useInput((input, key) => {
    let quitting = false;
    const env = keyEnv(() => {
      quitting = true;
    });
    const help = helpGeometry();
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
    return <HelpOverlay top={ui.helpTop} width={width} height={height} message={ui.message} color={color} search={ui.helpSearch} />;
  }
  if (ui.dialog?.kind === 'details') {
    return <Details row={ui.dialog.row} snapshot={view.snapshot} history={history} top={ui.dialog.top}
      width={width} height={height} message={ui.message} color={color} />;
  }
  if (ui.dialog?.kind === 'fields') return <FieldChooser ui={ui} width={width} height={height} color={color} />;
  if (ui.dialog?.kind === 'events') {
    return <EventLog dialog={ui.dialog} events={view.events} width={width} height={height} message={ui.message} color={color} />;
  }
  return (
    <Box flexDirection="column" height={height}>
      <Header view={view} profile={profileName} panelLines={panelLines} host={host}
        hostIndex={host ? hosts.indexOf(host) : 0} hostCount={hosts.length} width={width} color={color} />
      <EntityTable panel={panel} rows={rows} snapshot={view.snapshot} width={width} marker={marker}
        hidden={hiddenFields(ui, ui.panel)} empty={noMatch} selected={selected} top={top} height={panelHeight} page={page} color={color} />
      <DialogBox dialog={ui.dialog} width={width} color={color} />
      <StatusLine ui={ui} events={view.events} width={width} color={color} rows={rows.length} scroll={scrollMarker(top, page, rows.length)}
        profile={clock.profile()} />
      {ui.dialog?.kind === 'command' ? <CommandLine dialog={ui.dialog} width={width} />
        : view.mode === 'demo'
          ? <CaptionLines caption={view.caption} width={width} color={color} />
          : <Footer panel={ui.panel} width={width} color={color} replaying={clock.replaying} />}
    </Box>
  );
}
