// The program pane's exercises: each with its dose, note and version to print; reordered by dragging,
// buttons or Alt+Up and Alt+Down.

import { $, el } from "./dom.js";
import { addExercise, moveExercise, removeExercise } from "./edits.js";
import { markProblems } from "./preview.js";
import { changed, exerciseName, numberOrText, state } from "./store.js";

function doseInput(index, entry, field, libraryDose, name) {
  const id = `ex-${index}-${field.id}`;
  const value = entry.dosage[field.id];
  const fallback = libraryDose[field.id];
  const paths = `exercises[${index + 1}].dosage.${field.id}`;  // numbered from 1, as the page shows them
  let control;
  if (field.id === "side") {
    control = el("select", { id: id, "data-field": paths });
    const sideLabel = "Default";
    control.append(el("option", { value: "", text: sideLabel }));
    for (const side of state.choices.sides) {
      const sideId = typeof side === "string" ? side : side.id;
      const label = typeof side === "string" ? side : side.label;
      control.append(el("option", { value: sideId, text: label }));
    }
    control.value = value || "";
  } else {
    control = el("input", {
      id: id, type: "text", inputmode: "numeric", "data-field": paths, autocomplete: "off",
      placeholder: fallback === null || fallback === undefined ? "—" : String(fallback),
    });
    control.value = value === null || value === undefined ? "" : String(value);
  }
  control.setAttribute("aria-label", `${field.label} for ${name}${field.unit ? ` (${field.unit})` : ""}`);
  control.addEventListener(field.id === "side" ? "change" : "input", () => {
    entry.dosage[field.id] = field.id === "side" ? (control.value || null) : numberOrText(control.value);
    changed("edit", id);
  });
  const unit = field.unit ? el("span", { class: "unit", "aria-hidden": "true", text: field.unit }) : null;
  return el("div", { class: "dose-field" },
    el("label", { for: id, class: "label-small", text: field.label }),
    el("div", { class: "dose-input" }, control, unit));
}

function programItem(entry, index, count) {
  const ex = state.byId.get(entry.exercise);
  const name = exerciseName(entry.exercise);
  const libraryDose = ex && ex.dosage ? ex.dosage : {};
  const item = el("li", {
    class: "item", draggable: "true", "data-index": index,
    "data-field": `exercises[${index + 1}] exercises[${index + 1}].exercise`,
  });
  const head = el("div", { class: "item-head" },
    el("span", { class: "grip", "aria-hidden": "true", title: "Drag to reorder" }),
    el("span", { class: "item-number", "aria-hidden": "true", text: String(index + 1) }),
    ex ? el("img", { class: "item-thumb", src: ex.thumbnail, alt: "", width: 48, height: 48 }) : null,
    el("div", { class: "item-title" },
      el("h3", { text: name }),
      ex ? el("p", { class: "card-meta", text: ex.position_label || ex.position }) : null),
    el("div", { class: "item-actions" },
      el("button", {
        type: "button", class: "icon-btn btn-up", "aria-label": `Move ${name} up`, title: "Move up",
        disabled: index === 0, onclick: () => moveExercise(index, index - 1, ".btn-up"),
      }, el("span", { "aria-hidden": "true", text: "↑" })),
      el("button", {
        type: "button", class: "icon-btn btn-down", "aria-label": `Move ${name} down`, title: "Move down",
        disabled: index === count - 1, onclick: () => moveExercise(index, index + 1, ".btn-down"),
      }, el("span", { "aria-hidden": "true", text: "↓" })),
      el("button", {
        type: "button", class: "icon-btn btn-remove", "aria-label": `Remove ${name}`, title: "Remove",
        onclick: () => removeExercise(index),
      }, el("span", { "aria-hidden": "true", text: "×" }))));

  const dose = el("div", { class: "dose", role: "group", "aria-label": `Dose for ${name}` });
  const fields = state.choices.dose_fields.slice();
  if (!fields.some((f) => f.id === "side")) fields.push({ id: "side", label: "Side", unit: "" });
  for (const field of fields) dose.append(doseInput(index, entry, field, libraryDose, name));

  const noteId = `ex-${index}-note`;
  const note = el("textarea", { id: noteId, rows: 1, "data-field": `exercises[${index + 1}].note` });
  note.value = entry.note || "";
  note.addEventListener("input", () => { entry.note = note.value || null; changed("edit", noteId); });

  const variationId = `ex-${index}-variation`;
  const variation = el("select", { id: variationId, "data-field": `exercises[${index + 1}].variation` },
    el("option", { value: "", text: "The exercise itself" }));
  for (const v of (ex && ex.variations) || []) {
    const level = v.level.charAt(0).toUpperCase() + v.level.slice(1);
    variation.append(el("option", { value: v.level, text: `${level}: ${v.label}` }));
  }
  variation.value = entry.variation || "";
  variation.addEventListener("change", () => { entry.variation = variation.value || null; changed("edit", variationId); });

  item.append(head, dose,
    el("div", { class: "item-extra" },
      el("label", { class: "field", for: noteId },
        el("span", { class: "label-small" }, "Note", el("span", { class: "visually-hidden", text: ` on ${name}` })), note),
      el("label", { class: "field", for: variationId },
        el("span", { class: "label-small" }, "Version to print",
          el("span", { class: "visually-hidden", text: ` of ${name}` })), variation)));
  if (!ex) item.append(el("p", { class: "field-problem", text: `'${entry.exercise}' is not in the library.` }));

  item.addEventListener("keydown", (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const up = event.key === "ArrowUp";
    moveExercise(index, up ? index - 1 : index + 1, up ? ".btn-up" : ".btn-down");
  });
  item.addEventListener("dragstart", (event) => {
    if (event.target !== item) return;
    state.dragIndex = index;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("application/x-program-index", String(index));
  });
  item.addEventListener("dragend", () => {
    item.classList.remove("dragging");
    state.dragIndex = null;
    clearDropMarks();
  });
  // Text fields inside a draggable item should select text, not start a drag.
  for (const field of item.querySelectorAll("input, textarea, select")) {
    field.addEventListener("mousedown", () => { item.draggable = false; });
    field.addEventListener("mouseup", () => { item.draggable = true; });
    field.addEventListener("blur", () => { item.draggable = true; });
  }
  return item;
}

function clearDropMarks() {
  for (const node of $("program-list").querySelectorAll(".drop-before, .drop-after")) {
    node.classList.remove("drop-before", "drop-after");
  }
  $("program-list").classList.remove("drop-target");
}

function dropIndex(event) {
  const items = [...$("program-list").children];
  for (let i = 0; i < items.length; i += 1) {
    const box = items[i].getBoundingClientRect();
    if (event.clientY < box.top + box.height / 2) return i;
  }
  return items.length;
}

export function setUpDropZone() {
  const list = $("program-list");
  const zones = [list, $("program-empty")];
  for (const zone of zones) {
    zone.addEventListener("dragover", (event) => {
      const types = event.dataTransfer.types;
      if (!types.includes("application/x-exercise") && !types.includes("application/x-program-index")) return;
      event.preventDefault();
      clearDropMarks();
      list.classList.add("drop-target");
      const at = dropIndex(event);
      const items = list.children;
      if (at < items.length) items[at].classList.add("drop-before");
      else if (items.length) items[items.length - 1].classList.add("drop-after");
    });
    zone.addEventListener("dragleave", (event) => {
      if (!zone.contains(event.relatedTarget)) clearDropMarks();
    });
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      const at = dropIndex(event);
      clearDropMarks();
      const fromLibrary = event.dataTransfer.getData("application/x-exercise");
      if (fromLibrary) { addExercise(fromLibrary, at); return; }
      const from = state.dragIndex;
      if (from === null) return;
      moveExercise(from, at > from ? at - 1 : at, null);
    });
  }
}

export function renderProgram() {
  const list = $("program-list");
  const exercises = state.program.exercises;
  list.replaceChildren(...exercises.map((entry, i) => programItem(entry, i, exercises.length)));
  $("program-empty").hidden = exercises.length > 0;
  list.hidden = exercises.length === 0;
  $("reorder-hint").hidden = exercises.length < 2;
  $("program-count").textContent = exercises.length === 1 ? "1 exercise" : `${exercises.length} exercises`;
  markProblems();
}
