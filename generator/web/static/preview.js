// The live preview: the handout's pages redrawn after each edit, and its problems listed and shown at their
// fields.

import { $, el } from "./dom.js";
import { errorOf, post } from "./server.js";
import { exerciseName, state } from "./store.js";

// A change is previewed at once when no preview is on its way; changes made while one is on its way wait for
// its answer and are then previewed together, as one. Typing never waits on a timer, and never has more than
// one preview being built behind it.
const preview = { running: false, again: false };
// Page images already shown, by page key: the server draws only the pages whose keys the page does not hold,
// and an undo finds the pages it brings back here. The newest last; at most KEPT_IMAGES.
const KEPT_IMAGES = 120;
const shown = new Map();

export function schedulePreview() {
  if (preview.running) {
    preview.again = true;
    return;
  }
  runPreview();
}

async function runPreview() {
  preview.running = true;
  preview.again = false;
  try {
    showPreview(await askForPreview());
  } finally {
    preview.running = false;
    if (preview.again) runPreview();
  }
}

async function askForPreview() {
  if (state.program.exercises.length === 0) {
    return { ok: true, pages: 0, keys: [], images: [], problems: [], warnings: [] };
  }
  $("preview-state").textContent = "Updating…";
  $("pages").classList.add("stale");
  try {
    const have = encodeURIComponent([...shown.keys()].join(","));
    const response = await post(`/api/preview?have=${have}`, state.program);
    if (!response.ok) {
      const message = await errorOf(response);
      return { ok: false, pages: 0, images: [], problems: [{ field: null, message: message, text: message }] };
    }
    return await response.json();
  } catch (error) {
    return { ok: false, pages: 0, images: [], problems: [{ field: null, text: `No preview: ${error.message}` }] };
  }
}

function keep(key, src) {
  shown.delete(key);
  shown.set(key, src);
  while (shown.size > KEPT_IMAGES) shown.delete(shown.keys().next().value);
}

// The pages as figures: a page whose key is already on screen keeps its figure (nothing decoded again), a
// page the answer left out takes its image from those kept.
function drawPages(result) {
  const pages = $("pages");
  const onScreen = new Map([...pages.querySelectorAll("figure.page")].map((figure) => [figure.dataset.key, figure]));
  const keys = result.keys || [];
  const total = keys.length;
  const figures = keys.map((key, i) => {
    const src = result.images[i] || shown.get(key);
    keep(key, src);
    let figure = onScreen.get(key);
    onScreen.delete(key);
    if (!figure) {
      figure = el("figure", { class: "page", "data-key": key },
        el("button", { type: "button", class: "page-open" }, el("img", { src: src, alt: "" })),
        el("figcaption", {}));
    }
    figure.dataset.number = String(i + 1);
    const label = `Page ${i + 1} of ${total}`;
    figure.querySelector("img").alt = `${label} of the handout`;
    figure.querySelector(".page-open").setAttribute("aria-label", `Enlarge page ${i + 1} of ${total}`);
    figure.querySelector("figcaption").textContent = label;
    return figure;
  });
  pages.replaceChildren(...figures);
}

function showPreview(result) {
  const pages = $("pages");
  pages.classList.remove("stale");
  const empty = state.program.exercises.length === 0;
  $("preview-empty").hidden = !empty;
  if (result.ok || empty) drawPages(result);
  pages.dataset.pages = String(pages.children.length);
  state.problems = result.problems || [];
  const count = result.pages || pages.children.length;
  $("preview-state").textContent = empty ? "" : (state.problems.length
    ? `${state.problems.length} problem${state.problems.length === 1 ? "" : "s"} to fix`
    : `${count} page${count === 1 ? "" : "s"}`);
  renderProblemList($("problems"), $("problem-list"), state.problems, true);
  renderProblemList($("warnings"), $("warning-list"), result.warnings || [], false);
  markProblems();
  pages.dispatchEvent(new CustomEvent("pages-drawn"));
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
