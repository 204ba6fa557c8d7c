// What leaves the page: the PDF downloaded or printed, the program saved as a worksheet or a worksheet opened
// into it, and a zip of handouts for many clients.

import { $, el, setStatus } from "./dom.js";
import { problemText } from "./preview.js";
import { downloadBlob, errorOf, filenameOf, getJSON, post } from "./server.js";
import { changed, doseFieldIds, newProgram, state } from "./store.js";
import { readZipEntry } from "./zip.js";

async function fetchPdf() {
  const response = await post("/api/pdf", state.program);
  if (!response.ok) throw new Error(await errorOf(response));
  return { blob: await response.blob(), filename: filenameOf(response, "handout.pdf") };
}

function needsExercises() {
  if (state.program.exercises.length) return false;
  setStatus("Add at least one exercise first.", "error");
  $("search").focus();
  return true;
}

export async function downloadPdf() {
  if (needsExercises()) return;
  setStatus("Building the PDF…");
  try {
    const { blob, filename } = await fetchPdf();
    downloadBlob(blob, filename);
    setStatus(`Downloaded ${filename}.`, "ok");
  } catch (error) {
    setStatus(`The PDF was not built: ${error.message}`, "error");
  }
}

// Headless Chromium has no print dialog, and asking its PDF viewer to print crashes the tab, and the program
// with it; a browser without a PDF viewer cannot print a PDF from the page either. Both get the PDF instead.
function printsPdfs() {
  return navigator.pdfViewerEnabled !== false && !/HeadlessChrome/.test(navigator.userAgent);
}

export async function printPdf() {
  if (needsExercises()) return;
  setStatus("Preparing to print…");
  try {
    const { blob, filename } = await fetchPdf();
    if (!printsPdfs()) {
      downloadBlob(blob, filename);
      setStatus(`This browser cannot print from the page: ${filename} is downloaded; print it from a PDF reader.`,
        "ok");
      return;
    }
    const url = URL.createObjectURL(blob);
    const frame = $("print-frame");
    frame.onload = () => {
      try {
        frame.contentWindow.focus();
        frame.contentWindow.print();
      } catch (error) {
        window.open(url, "_blank", "noopener");
      }
    };
    frame.src = url;
    setStatus("The print dialog opens with the handout.", "ok");
  } catch (error) {
    setStatus(`Nothing to print: ${error.message}`, "error");
  }
}

function slug(text) {
  const base = (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return base || "my-program";
}

export function openSaveDialog() {
  if (needsExercises()) return;
  $("save-path").value = state.program.path || `worksheets/${slug(state.program.title)}.yaml`;
  $("save-message").textContent = "";
  $("save-replace").hidden = true;
  $("save-confirm").hidden = false;
  $("save-dialog").showModal();
  $("save-path").focus();
}

export async function save(replace) {
  const path = $("save-path").value.trim();
  const message = $("save-message");
  message.textContent = "Saving…";
  try {
    const response = await post("/api/save", { program: state.program, path: path, replace: replace });
    if (response.status === 409) {
      const body = await response.json().catch(() => ({}));
      message.textContent = body.confirm || `${path} exists; replace it?`;
      $("save-confirm").hidden = true;
      $("save-replace").hidden = false;
      $("save-replace").focus();
      return;
    }
    if (!response.ok) { message.textContent = await errorOf(response); return; }
    const body = await response.json();
    state.program.path = body.saved || path;
    changed("saved");
    $("save-dialog").close();
    setStatus(`Saved ${state.program.path}.`, "ok");
  } catch (error) {
    message.textContent = `Not saved: ${error.message}`;
  }
}

export async function openOpenDialog() {
  const list = $("worksheet-list");
  list.replaceChildren();
  $("open-search").value = "";
  $("open-message").textContent = "Loading the worksheets…";
  $("open-dialog").showModal();
  try {
    const body = await getJSON("/api/worksheets");
    worksheets = body.worksheets;  // the newest first, as the server lists them
    $("open-message").textContent = worksheets.length ? "" : "This project has no worksheets yet.";
    renderWorksheetList();
    $("open-search").focus();
  } catch (error) {
    $("open-message").textContent = `The worksheets could not be listed: ${error.message}`;
  }
}

let worksheets = [];

// The worksheets whose title or file name holds every word typed in the dialog's search box.
function renderWorksheetList() {
  const words = $("open-search").value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = worksheets.filter((w) => words.every((word) => `${w.title} ${w.path}`.toLowerCase().includes(word)));
  $("worksheet-list").replaceChildren(...shown.map((w) => el("li", {},
    el("button", {
      type: "button", class: "worksheet-choice", "aria-label": `Open ${w.title || w.path} (${w.path})`,
      onclick: () => openWorksheet(w.path),
    }, el("span", { class: "worksheet-title", text: w.title || w.path }),
    el("span", { class: "worksheet-path", text: w.path }),
    el("span", { class: "worksheet-when", text: w.modified ? `changed ${w.modified.replace("T", " ")}` : "" })))));
  if (worksheets.length && !shown.length) $("open-message").textContent = "No worksheet matches.";
  else if (worksheets.length) $("open-message").textContent = "";
}

export function bindOpenSearch() {
  $("open-search").addEventListener("input", renderWorksheetList);
}

async function openWorksheet(path) {
  try {
    const body = await getJSON(`/api/worksheet?path=${encodeURIComponent(path)}`);
    const program = Object.assign(newProgram(), body.program);
    program.options = Object.assign(newProgram().options, body.program.options || {});
    program.path = body.program.path || path;
    for (const entry of program.exercises) {
      entry.dosage = entry.dosage || {};
      for (const field of doseFieldIds()) if (!(field in entry.dosage)) entry.dosage[field] = null;
    }
    state.program = program;
    state.problems = [];
    $("open-dialog").close();
    changed("opened");
    setStatus(`Opened ${program.path}.`, "ok");
    $("program-heading").focus();
  } catch (error) {
    $("open-message").textContent = `Not opened: ${error.message}`;
  }
}

export function openBatchDialog() {
  if (needsExercises()) return;
  // The server builds each client's handout from the saved worksheet's place, so an unsaved program is
  // saved first.
  const unsaved = !state.program.path;
  $("batch-build").disabled = unsaved;
  $("batch-file").disabled = unsaved;
  $("batch-message").textContent = unsaved ? "Save the program as a worksheet first; the handouts are built from it." : "";
  $("batch-problems").hidden = true;
  $("batch-summary").hidden = true;
  $("batch-dialog").showModal();
  $("batch-file").focus();
}

export async function runBatch() {
  const file = $("batch-file").files[0];
  const message = $("batch-message");
  $("batch-problems").hidden = true;
  $("batch-summary").hidden = true;
  if (!file) { message.textContent = "Choose a clients CSV file first."; $("batch-file").focus(); return; }
  const form = new FormData();
  form.append("program", JSON.stringify(state.program));
  form.append("clients", file, file.name);
  message.textContent = "Building the handouts…";
  try {
    const response = await post("/api/batch", form);
    if (response.status === 422) {
      const body = await response.json().catch(() => ({}));
      message.textContent = "Some rows need fixing; nothing was built.";
      const list = $("batch-problems");
      list.replaceChildren(...(body.problems || []).map((p) => el("li", { text: problemText(p) })));
      list.hidden = false;
      return;
    }
    if (!response.ok) { message.textContent = await errorOf(response); return; }
    const blob = await response.blob();
    const filename = filenameOf(response, "handouts.zip");
    downloadBlob(blob, filename);
    message.textContent = `Downloaded ${filename}.`;
    const summary = await readZipEntry(blob, "summary.txt").catch(() => null);
    if (summary) {
      $("batch-summary").textContent = summary;
      $("batch-summary").hidden = false;
    }
  } catch (error) {
    message.textContent = `Not built: ${error.message}`;
  }
}
