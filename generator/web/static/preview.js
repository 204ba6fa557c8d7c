// The live preview: the handout's pages redrawn after each edit, and its problems listed and shown at their
// fields.

import { $, el } from "./dom.js";
import { errorOf, post } from "./server.js";
import { exerciseName, state } from "./store.js";

const PREVIEW_DELAY_MS = 250;
const preview = { seq: 0, abort: null, timer: null };  // the preview asked for last, and its timer

export function schedulePreview() {
  window.clearTimeout(preview.timer);
  preview.timer = window.setTimeout(runPreview, PREVIEW_DELAY_MS);
}

async function runPreview() {
  const seq = ++preview.seq;
  if (preview.abort) preview.abort.abort();
  if (state.program.exercises.length === 0) {
    preview.abort = null;
    showPreview({ ok: true, pages: 0, images: [], problems: [], warnings: [] });
    return;
  }
  const controller = new AbortController();
  preview.abort = controller;
  $("preview-state").textContent = "Updating…";
  $("pages").classList.add("stale");
  let result;
  try {
    const response = await post("/api/preview", state.program, controller.signal);
    if (!response.ok) {
      const message = await errorOf(response);
      result = { ok: false, pages: 0, images: [], problems: [{ field: null, message: message, text: message }] };
    } else {
      result = await response.json();
    }
  } catch (error) {
    if (error.name === "AbortError") return;
    result = { ok: false, pages: 0, images: [], problems: [{ field: null, text: `No preview: ${error.message}` }] };
  }
  if (seq !== preview.seq) return; // a later change asked again; its answer wins
  preview.abort = null;
  showPreview(result);
}

function showPreview(result) {
  const pages = $("pages");
  pages.classList.remove("stale");
  const images = result.images || [];
  const empty = state.program.exercises.length === 0;
  $("preview-empty").hidden = !empty;
  if (images.length || empty) {
    const total = images.length;
    pages.replaceChildren(...images.map((src, i) => el("figure", { class: "page" },
      el("img", { src: src, alt: `Page ${i + 1} of ${total} of the handout` }),
      el("figcaption", { text: `Page ${i + 1} of ${total}` }))));
  }
  pages.dataset.pages = String(images.length);
  state.problems = result.problems || [];
  const count = result.pages || images.length;
  $("preview-state").textContent = empty ? "" : (state.problems.length
    ? `${state.problems.length} problem${state.problems.length === 1 ? "" : "s"} to fix`
    : `${count} page${count === 1 ? "" : "s"}`);
  renderProblemList($("problems"), $("problem-list"), state.problems, true);
  renderProblemList($("warnings"), $("warning-list"), result.warnings || [], false);
  markProblems();
}

export function problemText(problem) {
  return typeof problem === "string" ? problem : (problem.text || problem.message || "");
}

// A problem as the page says it: which exercise (by its number and name) and which field, then what is wrong;
// one about no field of the program (a library file, a layout) in the command line's words.
function problemSaid(problem) {
  if (!problem.field) return problemText(problem);
  const exercise = /^exercises\[(\d+)\]/.exec(problem.field);
  const entry = exercise ? state.program.exercises[Number(exercise[1]) - 1] : null;
  const control = controlFor(problem.field);
  const label = control && control.labels && control.labels.length
    ? control.labels[0].textContent.replace(/\s+/g, " ").trim() : "";
  const where = [exercise ? `Exercise ${exercise[1]}${entry ? ` (${exerciseName(entry.exercise)})` : ""}` : "", label]
    .filter(Boolean).join(", ");
  return where ? `${where}: ${problem.message}` : problemText(problem);
}

function renderProblemList(box, list, problems, linkToField) {
  list.replaceChildren(...problems.map((problem) => {
    const target = linkToField ? controlFor(problem.field) : null;
    const text = problemSaid(problem);
    if (!target) return el("li", { text: text });
    return el("li", {}, el("a", {
      href: `#${target.id}`, text: text,
      onclick: (event) => { event.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); },
    }));
  }));
  box.hidden = problems.length === 0;
}

// The control a problem's field path belongs to: the longest registered prefix of the path wins, so
// `exercises[1].dosage.hold_seconds` finds its input and `exercises[1].steps[2]` finds the exercise.
function controlFor(field) {
  if (!field) return null;
  const registry = new Map();
  for (const node of document.querySelectorAll("[data-field]")) {
    for (const key of node.dataset.field.split(" ")) if (!registry.has(key)) registry.set(key, node);
  }
  let path = field;
  while (path) {
    const found = registry.get(path);
    if (found) {
      if (found.tagName === "LI") return found.querySelector("h3") ? found : null;
      return found;
    }
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    if (cut <= 0) break;
    path = path.slice(0, cut);
  }
  return null;
}

export function markProblems() {
  for (const node of document.querySelectorAll(".field-problem[data-for]")) node.remove();
  for (const node of document.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const described = (node.getAttribute("aria-describedby") || "").split(" ")
      .filter((id) => id && !id.startsWith("problem-"));
    if (described.length) node.setAttribute("aria-describedby", described.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  state.problems.forEach((problem, i) => {
    let target = controlFor(problem.field);
    if (!target) return;
    const id = `problem-${i}`;
    // at its field, what is wrong is enough: the field says where
    const message = el("p", { class: "field-problem", id: id, "data-for": target.id || "",
      text: problem.message || problemText(problem) });
    if (target.tagName === "LI") {
      target.querySelector(".item-head").after(message);
      target = target.querySelector(".btn-remove");
    } else {
      const holder = target.closest(".dose-field") || target.closest(".field") || target;
      holder.after(message);
    }
    target.setAttribute("aria-invalid", "true");
    const described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    target.setAttribute("aria-describedby", [...described, id].join(" "));
  });
}
