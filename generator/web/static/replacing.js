// Putting another program in the page's place: a new one, its title asked for, or a worksheet opened; either
// asks first when the program has changes not saved, which would be lost.

import { $ } from "./dom.js";
import { changed, defaultTitle, newProgram, state } from "./store.js";
import { unsaved } from "./undo.js";

// Resolves true when the program may be replaced: nothing unsaved, or the user chose to discard it.
export function mayReplace() {
  if (!unsaved()) return Promise.resolve(true);
  const dialog = $("discard-dialog");
  dialog.returnValue = "";
  dialog.showModal();
  $("discard-keep").focus();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "discard"), { once: true });
  });
}

async function askForNewProgram() {
  if (!(await mayReplace())) return;
  $("new-title").value = defaultTitle(new Date());
  $("new-dialog").showModal();
  $("new-title").select();
}

function startNewProgram() {
  state.program = newProgram($("new-title").value.trim());
  state.problems = [];
  $("new-dialog").close();
  changed("opened");
  $("title").focus();
}

export function bindReplacing(openOpenDialog) {
  $("new-button").addEventListener("click", askForNewProgram);
  $("new-form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "cancel") return;
    event.preventDefault();
    startNewProgram();
  });
  $("open-button").addEventListener("click", async () => {
    if (await mayReplace()) openOpenDialog();
  });
}
