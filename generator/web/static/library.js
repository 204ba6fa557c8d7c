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
  // the model's regions, in its order, those the library has an exercise in
  fillSelect($("filter-region"), state.choices.regions.filter((r) => regions.has(r.id)).map((r) => [r.id, r.label]),
    "All regions");
  const used = new Set(state.library.map((ex) => ex.position));
  const positions = state.choices.positions.filter((p) => used.has(p.id)).map((p) => [p.id, p.label]);
  fillSelect($("filter-position"), positions, "All positions");
}

function searchWords() {
  return $("search").value.toLowerCase().split(/\s+/).filter(Boolean);
}

// How well an exercise answers the typed words: a word that is one of its tags or regions counts 3; one found
// in its name, tags, regions or the words a clinician searches its regions by ("stairs", "after sprain") 2;
// in its targets, position or equipment 1; and the words together as its name holds them, or as one of its
// regions' search words ("knee pain"), 3 more. The page shows the best answers first, and those that score
// at least half the best: "neck pain" finds the neck exercises, not every one whose region words say "pain".
function searchScore(ex, words) {
  const exact = new Set([...(ex.tags || []), ...(ex.regions || []), ex.id]);
  const strong = [ex.name, ex.id, ...(ex.tags || []), ...(ex.regions || []), ...(ex.region_words || [])]
    .join(" ").toLowerCase();
  const weak = [ex.position_label, ...(ex.targets || []), ...(ex.equipment || [])].join(" ").toLowerCase();
  let score = 0;
  for (const word of words) score += exact.has(word) ? 3 : strong.includes(word) ? 2 : weak.includes(word) ? 1 : 0;
  const phrase = words.join(" ");
  if (words.length > 1 && (ex.name.toLowerCase().includes(phrase)
    || (ex.region_words || []).some((said) => said.toLowerCase() === phrase))) score += 3;
  return score;
}

function matches(ex) {
  const tag = $("filter-tag").value, position = $("filter-position").value;
  const equipment = $("filter-equipment").value, region = $("filter-region").value;
  if (tag && !(ex.tags || []).includes(tag)) return false;
  if (position && ex.position !== position) return false;
  if (equipment && !(ex.equipment || []).includes(equipment)) return false;
  if (region && !(ex.regions || []).includes(region)) return false;
  return true;
}

// The exercises the filters keep and the words answer, the best first; among equals, the library's order
// (the sort is stable).
function found(words) {
  const kept = state.library.filter(matches);
  if (!words.length) return kept;
  const scored = kept.map((ex) => [ex, searchScore(ex, words)]);
  const best = Math.max(0, ...scored.map(([, score]) => score));
  return scored.filter(([, score]) => score > 0 && 2 * score >= best).sort((a, b) => b[1] - a[1]).map(([ex]) => ex);
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
  const shown = found(searchWords());
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
