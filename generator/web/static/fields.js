// The program's handout, print and client fields: drawn from the program, and each edit written back.

import { $, fillSelect } from "./dom.js";
import { changed, numberOrText, state } from "./store.js";

const SIMPLE_FIELDS = [
  ["title", () => state.program, "title", "text"],
  ["subtitle", () => state.program, "subtitle", "text"],
  ["intro", () => state.program, "intro", "text"],
  ["stop-if", () => state.program, "stop_if", "lines"],
  ["log-weeks", () => state.program, "log_weeks", "number"],
  ["layout", () => state.program, "layout", "choice"],
  ["language", () => state.program, "language", "choice"],
  ["paper", () => state.program.options, "paper", "choice"],
  ["second-language", () => state.program.options, "second_language", "choice"],
  ["client", () => state.program.options, "client", "text"],
  ["date", () => state.program.options, "date", "choice"],
  ["clinician", () => state.program.options, "clinician", "text"],
  ["client-note", () => state.program.options, "note", "text"],
];

export function renderFields() {
  for (const [id, owner, key, kind] of SIMPLE_FIELDS) {
    const value = owner()[key];
    if (kind === "lines") $(id).value = (value || []).join("\n");
    else $(id).value = value === null || value === undefined ? "" : String(value);
  }
  describeLayout();
  const path = state.program.path;
  $("program-path").textContent = path ? `Worksheet ${path}` : "New program, not saved yet";
}

export function bindFields() {
  for (const [id, owner, key, kind] of SIMPLE_FIELDS) {
    const node = $(id);
    node.addEventListener(node.tagName === "SELECT" ? "change" : "input", () => {
      const raw = node.value;
      let value;
      if (kind === "lines") value = raw.split("\n").map((s) => s.trim()).filter(Boolean);
      else if (kind === "number") value = numberOrText(raw);
      else if (kind === "text") value = raw.trim() === "" ? (owner() === state.program ? "" : null) : raw;
      else value = raw || null;
      owner()[key] = value;
      if (id === "layout") describeLayout();
      changed("edit", id);
    });
  }
}

function describeLayout() {
  const layout = state.choices.layouts.find((l) => l.id === state.program.layout);
  $("layout-description").textContent = layout && layout.description ? layout.description : "";
}

export function renderChoices() {
  const c = state.choices;
  fillSelect($("layout"), c.layouts.map((l) => [l.id, l.name || l.id]), null);
  fillSelect($("paper"), c.papers.map((p) => (typeof p === "string" ? [p, p] : [p.id, p.label || p.id])),
    "Layout's paper");
  const languages = c.languages.map((l) => [l.code, l.name]);
  fillSelect($("language"), languages, "Worksheet's own");
  fillSelect($("second-language"), languages, "None");
}
