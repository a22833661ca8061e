// The SGR codes the colour tests look for in a frame (chalk's, with colour forced on).

export const RED = '\u001B[31m';
export const YELLOW = '\u001B[33m';
export const BLUE = '\u001B[34m';
export const MAGENTA = '\u001B[35m';
export const CYAN = '\u001B[36m';
export const INVERSE = '\u001B[7m';
/** Any foreground or background colour, 16-colour or extended. */
// eslint-disable-next-line no-control-regex
export const ANY_COLOUR = /\u001B\[(?:3[0-9]|9[0-7]|4[0-9]|10[0-7])(?:;[0-9;]*)?m/;
