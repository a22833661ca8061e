// Why a replay takes no commands, and where to go to change things: a recording re-runs a
// profile, a capture is a real host's, so each points elsewhere.

export const notInReplay = (env: { capture?: string | null }): string => env.capture
  ? `not in a capture: vmtop import ${env.capture} -o lab.yaml makes a lab of it to change`
  : 'not while replaying: a replay shows the recorded run (run the profile live to change it)';
