// Undo and Redo for every edit (buttons, Ctrl+Z and Ctrl+Shift+Z or Ctrl+Y), and the warning before leaving
// the page with changes not saved.

import { $, announce } from "./dom.js";
import { createHistory } from "./history.js";
import { changed, state } from "./store.js";

const history = createHistory();

// Hears every edit (see store.changed): each is a step, a burst of typing one step.
export function recordEdit(what, key) {
  if (what === "opened") history.reset(state.program);
  else if (what === "saved") history.markSaved(state.program);
  else if (what !== "restored") history.record(state.program, key);
  $("undo-button").disabled = !history.canUndo();
  $("redo-button").disabled = !history.canRedo();
}

export function unsaved() {
  return history.unsaved(state.program);
}

function travel(back) {
  const program = back ? history.undo() : history.redo();
  if (!program) return;
  program.path = state.program.path;
  state.program = program;
  changed("restored");
  announce(back ? "Undone." : "Redone.");
}

// Typing fields keep the browser's own undo of their text; everywhere else the keys undo the program.
function typingIn(target) {
  return target instanceof HTMLTextAreaElement
    || (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "file"].includes(target.type));
}

export function bindUndo() {
  $("undo-button").addEventListener("click", () => travel(true));
  $("redo-button").addEventListener("click", () => travel(false));
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
    const key = event.key.toLowerCase();
    if (key !== "z" && key !== "y") return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    travel(key === "z" && !event.shiftKey);
  });
  window.addEventListener("beforeunload", (event) => {
    if (!unsaved()) return;
    event.preventDefault();
    event.returnValue = "";  // what older browsers need to ask
  });
}
