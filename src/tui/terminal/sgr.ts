// SGR styles as the cell model keeps them: a cell's style is a canonical key (its SGR parameters
// in a fixed order), and the shortest sequence from one style to another is worked out once.

export const ESC = '\u001B';
export const CSI = `${ESC}[`;
export const RESET = `${CSI}m`;

export interface Style {
  bold: boolean; dim: boolean; italic: boolean; underline: boolean; blink: boolean;
  inverse: boolean; hidden: boolean; strike: boolean; overline: boolean;
  fg: string; bg: string;
}

const FLAGS = [
  ['bold', '1', '22'], ['dim', '2', '22'], ['italic', '3', '23'], ['underline', '4', '24'],
  ['blink', '5', '25'], ['inverse', '7', '27'], ['hidden', '8', '28'], ['strike', '9', '29'],
  ['overline', '53', '55'],
] as const;

export const defaultStyle = (): Style => ({
  bold: false, dim: false, italic: false, underline: false, blink: false,
  inverse: false, hidden: false, strike: false, overline: false, fg: '', bg: '',
});

export function styleKey(s: Style): string {
  const parts: string[] = [];
  for (const [flag, on] of FLAGS) if (s[flag]) parts.push(on);
  if (s.fg) parts.push(s.fg);
  if (s.bg) parts.push(s.bg);
  return parts.join(';');
}

/** Applies one SGR parameter list to a style; unknown parameters are ignored. */
export function applySgr(s: Style, params: string): void {
  const p = params.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
  for (let i = 0; i < p.length; i++) {
    const n = p[i];
    if (n === 0) Object.assign(s, defaultStyle());
    else if (n === 22) s.bold = s.dim = false;
    else if (n === 38 || n === 48) {
      let colour = '';
      if (p[i + 1] === 5 && i + 2 < p.length) {
        colour = `${n};5;${p[i + 2]}`;
        i += 2;
      } else if (p[i + 1] === 2 && i + 4 < p.length) {
        colour = `${n};2;${p[i + 2]};${p[i + 3]};${p[i + 4]}`;
        i += 4;
      } else break; // malformed: the rest of the list is unreadable
      if (n === 38) s.fg = colour;
      else s.bg = colour;
    } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) s.fg = String(n);
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) s.bg = String(n);
    else if (n === 39) s.fg = '';
    else if (n === 49) s.bg = '';
    else if (n === 6) s.blink = true;
    else {
      const flag = FLAGS.find(([, on, off]) => String(n) === on || (String(n) === off && off !== '22'));
      if (flag) s[flag[0]] = String(n) === flag[1];
    }
  }
}

const styles = new Map<string, Style>([['', defaultStyle()]]);

/** The style a canonical key stands for (a key is itself a valid SGR parameter list). */
export function styleOf(key: string): Style {
  let s = styles.get(key);
  if (!s) {
    s = defaultStyle();
    applySgr(s, key);
    styles.set(key, s);
  }
  return s;
}

/** Transitions already worked out: a frame has a handful of styles, and this runs per cell. */
const transitions = new Map<string, string>();
const TRANSITIONS_LIMIT = 4000;

/** The shortest SGR sequence that turns style `from` into style `to`. */
export function sgrTransition(from: string, to: string): string {
  if (from === to) return '';
  if (to === '') return RESET;
  const key = from + '>' + to;
  let seq = transitions.get(key);
  if (seq === undefined) {
    if (transitions.size >= TRANSITIONS_LIMIT) transitions.clear();
    seq = computeTransition(from, to);
    transitions.set(key, seq);
  }
  return seq;
}

function computeTransition(from: string, to: string): string {
  const reset = `${CSI}0;${to}m`;
  const a = styleOf(from);
  const b = styleOf(to);
  const params: string[] = [];
  const now = { ...a };
  if ((a.bold && !b.bold) || (a.dim && !b.dim)) {
    params.push('22');
    now.bold = now.dim = false;
  }
  for (const [flag, , off] of FLAGS) {
    if (off !== '22' && now[flag] && !b[flag]) params.push(off);
  }
  if (a.fg !== b.fg) params.push(b.fg || '39');
  if (a.bg !== b.bg) params.push(b.bg || '49');
  for (const [flag, on] of FLAGS) if (b[flag] && !now[flag]) params.push(on);
  const step = `${CSI}${params.join(';')}m`;
  return step.length < reset.length ? step : reset;
}
