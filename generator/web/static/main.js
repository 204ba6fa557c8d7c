// The page of `worksheet serve`: a library to pick from, the program being built, and a live preview.
// ES modules loaded as they are, no build step: dom.js and server.js are helpers; store.js holds the state
// and hears of every edit; library.js, program.js and fields.js draw the panes; preview.js the pages and
// problems; output.js what leaves the page.

import { $, el, setStatus } from "./dom.js";
import { bindDetail } from "./detail.js";
import { bindFields, renderChoices, renderFields } from "./fields.js";
import { bindLibrary, renderFilters, renderLibrary } from "./library.js";
import { bindOpenSearch, downloadPdf, openBatchDialog, openOpenDialog, openSaveDialog, printPdf, runBatch, save }
  from "./output.js";
import { problemText, schedulePreview } from "./preview.js";
import { renderProgram, setUpDropZone } from "./program.js";
import { bindReplacing } from "./replacing.js";
import { getJSON } from "./server.js";
import { changed, newProgram, onChange, state } from "./store.js";
import { bindUndo, recordEdit } from "./undo.js";
import { bindZoom } from "./zoom.js";

// What an edit (see store.changed) draws again: a typed value shows itself already.
function redraw(what) {
  if (what === "restored" || what === "opened" || what === "saved") renderFields();
  if (what !== "edit" && what !== "saved") {
    renderProgram();
    renderLibrary();
  }
  if (what !== "saved") schedulePreview();
}

function bindStatic() {
  bindLibrary();
  $("pdf-button").addEventListener("click", downloadPdf);
  $("print-button").addEventListener("click", printPdf);
  $("save-button").addEventListener("click", openSaveDialog);
  $("save-confirm").addEventListener("click", () => save(false));
  $("save-replace").addEventListener("click", () => save(true));
  $("save-path").addEventListener("input", () => {
    $("save-replace").hidden = true;
    $("save-confirm").hidden = false;
    $("save-message").textContent = "";
  });
  $("save-form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "cancel") return;
    event.preventDefault();
    save(false);
  });
  $("batch-button").addEventListener("click", openBatchDialog);
  $("batch-build").addEventListener("click", runBatch);
  setUpDropZone();
  bindFields();
  bindUndo();
  bindZoom();
  bindDetail();
  bindReplacing(openOpenDialog);
  bindOpenSearch();
  onChange(recordEdit);
  onChange(redraw);
}

async function start() {
  setStatus("Loading the library…");
  try {
    const [choices, library] = await Promise.all([getJSON("/api/choices"), getJSON("/api/library")]);
    state.choices = choices;
    state.library = library.exercises;
    state.byId = new Map(library.exercises.map((ex) => [ex.id, ex]));
    const problems = library.problems || [];
    const box = $("library-problems");
    box.replaceChildren(...problems.map((p) => el("li", { text: problemText(p) })));
    box.hidden = problems.length === 0;
  } catch (error) {
    setStatus(`The library could not be loaded: ${error.message}`, "error");
    return;
  }
  state.program = newProgram();
  renderChoices();
  renderFilters();
  changed("opened");
  setStatus("");
  document.body.dataset.ready = "true";
}

bindStatic();
start();
