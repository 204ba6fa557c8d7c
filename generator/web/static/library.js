// The library pane: filters, search as you type (ranked), and a card per exercise to add.

import { $, el, fillSelect } from "./dom.js";
import { openDetail } from "./detail.js";
import { addExercise } from "./edits.js";
import { state } from "./store.js";

const FILTERS = ["search", "filter-tag", "filter-position", "filter-equipment", "filter-region"];

export function renderFilters() {
  const tags = new Set(), equipment = new Set(), regions = new Set();
  for (const ex of state.library) {
    (ex.tags || []).forEach((t) => tags.add(t));
    (ex.equipment || []).forEach((t) => equipment.add(t));
    (ex.regions || []).forEach((t) => regions.add(t));
  }
  const sorted = (set) => [...set].sort((a, b) => a.localeCompare(b)).map((v) => [v, v]);
  fillSelect($("filter-tag"), sorted(tags), "All tags");
  fillSelect($("filter-equipment"), sorted(equipment), "Any equipment");
  fillSelect($("filter-region"), sorted(regions), "All regions");
  const used = new Set(state.library.map((ex) => ex.position));
  const positions = state.choices.positions.filter((p) => used.has(p.id)).map((p) => [p.id, p.label]);
  fillSelect($("filter-position"), positions, "All positions");
}

function searchWords() {
  return $("search").value.toLowerCase().split(/\s+/).filter(Boolean);
}

// How many of the typed words an exercise answers in its name, tags, targets, body regions, position or
// equipment: "neck pain" still finds the neck exercises, the best answers first.
function searchScore(ex, words) {
  const haystack = [ex.name, ex.id, ex.position_label, ...(ex.tags || []), ...(ex.targets || []),
    ...(ex.regions || []), ...(ex.equipment || [])].join(" ").toLowerCase();
  return words.filter((w) => haystack.includes(w)).length;
}

function matches(ex, words) {
  if (words.length && searchScore(ex, words) === 0) return false;
  const tag = $("filter-tag").value, position = $("filter-position").value;
  const equipment = $("filter-equipment").value, region = $("filter-region").value;
  if (tag && !(ex.tags || []).includes(tag)) return false;
  if (position && ex.position !== position) return false;
  if (equipment && !(ex.equipment || []).includes(equipment)) return false;
  if (region && !(ex.regions || []).includes(region)) return false;
  return true;
}

function libraryCard(ex) {
  const inProgram = state.program.exercises.filter((e) => e.exercise === ex.id).length;
  const tags = el("ul", { class: "tags", "aria-label": "Tags" });
  for (const tag of ex.tags || []) tags.append(el("li", { text: tag }));
  const card = el("li", { class: "card", draggable: "true", "data-id": ex.id },
    el("img", { class: "thumb", src: ex.thumbnail, alt: "", loading: "lazy", width: 96, height: 96 }),
    el("div", { class: "card-body" },
      el("h3", { class: "card-name", text: ex.name }),
      el("p", { class: "card-meta" },
        el("span", { text: ex.position_label || ex.position })),
      (ex.equipment || []).length ? el("p", { class: "card-meta", text: `Needs ${ex.equipment.join(", ")}` }) : null,
      ex.summary ? el("p", { class: "card-summary", text: ex.summary }) : null,
      (ex.tags || []).length ? tags : null),
    el("div", { class: "card-actions" },
      el("span", { class: "card-buttons" }, el("button", {
        type: "button", class: "btn btn-add", "aria-label": `Add ${ex.name}`,
        onclick: () => addExercise(ex.id),
      }, el("span", { "aria-hidden": "true", text: "+ " }), "Add"),
      el("button", {
        type: "button", class: "btn btn-details", "aria-label": `Details of ${ex.name}`,
        onclick: (event) => openDetail(ex.id, event.currentTarget),
      }, "Details")),
      inProgram ? el("span", { class: "badge", text: inProgram > 1 ? `In program ×${inProgram}` : "In program" })
        : null));
  card.addEventListener("dragstart", (event) => {
    event.dataTransfer.setData("application/x-exercise", ex.id);
    event.dataTransfer.effectAllowed = "copy";
  });
  return card;
}

export function renderLibrary() {
  const list = $("library-list");
  const words = searchWords();
  // Most typed words answered first; among equals, the library's order (the sort is stable).
  const shown = state.library.filter((ex) => matches(ex, words))
    .sort((a, b) => searchScore(b, words) - searchScore(a, words));
  // Re-drawing the cards must not drop the keyboard user's place: focus returns to the same card's button.
  const focusedCard = list.contains(document.activeElement) ? document.activeElement.closest(".card") : null;
  list.replaceChildren(...shown.map(libraryCard));
  if (focusedCard) {
    const again = list.querySelector(`.card[data-id="${CSS.escape(focusedCard.dataset.id)}"] .btn-add`);
    if (again) again.focus();
  }
  $("library-empty").hidden = shown.length > 0;
  const total = state.library.length;
  $("library-count").textContent = shown.length === total ? `${total} exercises`
    : `${shown.length} of ${total} exercises`;
}

export function bindLibrary() {
  for (const id of FILTERS) $(id).addEventListener(id === "search" ? "input" : "change", renderLibrary);
  $("clear-filters").addEventListener("click", () => {
    for (const id of FILTERS) $(id).value = "";
    renderLibrary();
    $("search").focus();
  });
}
