// Undo and redo over the whole program, and whether it has changes not yet saved. Each edit is kept as a
// snapshot of the program; a burst of typing in one field (edits with the same key, each soon after the
// last) is one step.

const TYPING_MS = 1200;  // edits of one field closer than this are one step
const STEPS = 200;  // the oldest steps are let go past this many

export function createHistory() {
  let past = [], future = [], current = null, saved = null, lastKey = null, lastAt = 0;
  // The path is where the program is saved, not an edit: undo never takes a saved program back to unsaved.
  const snapshot = (program) => JSON.stringify({ ...program, path: undefined });
  // One step back (from the past) or forward (from the future): the program it comes to, or null.
  const step = (from, to) => {
    if (!from.length) return null;
    to.push(current);
    current = from.pop();
    lastKey = null;
    return JSON.parse(current);
  };
  return {
    // A program in place of the last (opened, or new): nothing to undo, nothing unsaved.
    reset(program) {
      current = saved = snapshot(program);
      past = [];
      future = [];
      lastKey = null;
    },
    record(program, key) {
      const now = snapshot(program);
      if (now === current) return;
      const typing = key && key === lastKey && Date.now() - lastAt < TYPING_MS;
      if (!typing) {
        past.push(current);
        if (past.length > STEPS) past.shift();
      }
      current = now;
      future = [];
      lastKey = key || null;
      lastAt = Date.now();
    },
    undo: () => step(past, future),
    redo: () => step(future, past),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    markSaved(program) {
      saved = current = snapshot(program);
    },
    unsaved: (program) => snapshot(program) !== saved,
  };
}
