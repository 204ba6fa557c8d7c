// Adding, removing and moving the program's exercises: each an edit reported to the store, then announced.

import { $, announce } from "./dom.js";
import { changed, doseFieldIds, exerciseName, state } from "./store.js";

export function addExercise(id, at) {
  const entry = { exercise: id, dosage: {}, note: null, variation: null };
  for (const field of doseFieldIds()) entry.dosage[field] = null;
  const list = state.program.exercises;
  const index = at === undefined ? list.length : at;
  list.splice(index, 0, entry);
  changed("program");
  announce(`${exerciseName(id)} added, number ${index + 1} of ${list.length}.`);
}

export function removeExercise(index) {
  const [gone] = state.program.exercises.splice(index, 1);
  changed("program");
  announce(`${exerciseName(gone.exercise)} removed. ${state.program.exercises.length} left.`);
  const items = $("program-list").children;
  if (items.length) items[Math.min(index, items.length - 1)].querySelector(".btn-remove").focus();
  else $("search").focus();
}

export function moveExercise(from, to, focusClass) {
  const list = state.program.exercises;
  if (to < 0 || to >= list.length || from === to) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  changed("program");
  announce(`${exerciseName(item.exercise)} moved to number ${to + 1} of ${list.length}.`);
  if (focusClass) {
    const moved = $("program-list").children[to];
    let target = moved.querySelector(focusClass);
    if (!target || target.disabled) target = moved.querySelector(".btn-up:not([disabled]), .btn-down:not([disabled])");
    if (target) target.focus();
  }
}
