// Every panel in the registry is complete: it has a key of its own, answers e, U, R and M (by
// doing something or by saying why not), names what sorts it, and its help and field chooser list
// its table's columns. A panel added with a gap fails here, not on a user's screen.
import { describe, expect, it } from 'vitest';
import { lab } from '../fixtures.js';
import { bindingFor, KEYMAP } from '../../../src/tui/keymap.js';
import { PANEL_IDS, PANELS } from '../../../src/tui/panels/registry.js';

describe.each(PANEL_IDS)('panel %s', (id) => {
  const panel = PANELS[id];

  it('has a key of its own that shows it', () => {
    expect(KEYMAP.filter((b) => b.key === panel.key)).toHaveLength(1);
    expect(PANEL_IDS.filter((other) => PANELS[other].key === panel.key)).toEqual([id]);
  });

  it.each(['e', 'U', 'R', 'M', 'N', '<', '>'])('answers %s', (key) => {
    expect(bindingFor(key, id)).toBeDefined();
  });

  it('its help lists every column of its table, its chooser every column that can hide', () => {
    const labels = panel.help.flatMap((s) => s.rows.map(([name]) => name));
    for (const c of panel.table.columns) expect(labels).toContain(c.label);
    const id = panel.table.idLabel === null ? [] : ['ID'];
    expect(panel.fields.map((f) => f.key)).toEqual([...id, ...panel.table.columns.filter((c) => !c.fixed).map((c) => c.key)]);
  });

  it('renders as many header lines with a host as without one (the header height does not jump)', () => {
    const snap = lab(2);
    expect(panel.header(snap, snap.hosts[0], 100).length).toBe(panel.header(snap, undefined, 100).length);
  });
});
