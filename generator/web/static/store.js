// The page's state (the choices and library from the server, and the program: the contract's Program
// JSON) and the one place every edit of the program is reported to.

export const state = {
  choices: null,
  library: [],
  byId: new Map(),
  program: null,
  problems: [],
  dragIndex: null,
};

// A title no other new program has, so the Open list never fills with programs of one name.
export function defaultTitle(now) {
  const when = now.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit",
    minute: "2-digit" });
  return `Home exercise program, ${when}`;
}

export function newProgram(title) {
  const layouts = state.choices ? state.choices.layouts : [];
  const standard = layouts.find((l) => l.id === "standard");
  return {
    path: null,
    title: title || defaultTitle(new Date()),
    subtitle: "",
    intro: "",
    stop_if: [],
    log_weeks: null,
    layout: standard ? standard.id : (layouts[0] ? layouts[0].id : "standard"),
    language: null,
    exercises: [],
    options: { paper: null, second_language: null, client: null, date: null, clinician: null, note: null },
  };
}

export function exerciseName(id) {
  const entry = state.byId.get(id);
  return entry ? entry.name : id;
}

export function doseFieldIds() {
  const ids = state.choices.dose_fields.map((f) => f.id);
  if (!ids.includes("side")) ids.push("side");
  return ids;
}

export function numberOrText(text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const listeners = [];

export function onChange(listener) {
  listeners.push(listener);
}

// Every edit of the program is reported here once made, saying what happened: "edit" (a value typed into a
// control that shows it already; ``key`` names the control, so a burst of typing is one step to undo),
// "program" (the list of exercises changed), "restored" (undone or redone), "saved" (written to its
// worksheet, whose path it now has) or "opened" (a program in place of the last).
export function changed(what, key) {
  for (const listener of listeners) listener(what, key);
}
