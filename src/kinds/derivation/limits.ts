// Limits shared by the spec, the renderer and the checker (kept apart so the checker worker does
// not pull in the schemas).

/** Longer steps are neither rendered nor checked (a message says why); they are kept as typed. */
export const MAX_STEP_CHARS = 10_000;
