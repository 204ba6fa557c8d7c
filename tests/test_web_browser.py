"""`worksheet serve` in a real browser: a clinician's whole journey through the page, end to end.

The real server runs in a thread against a copy of the project; Debian's Chromium, driven by Playwright, uses
the page as a person would (clicks, typing, dragging, the keyboard alone); the PDFs it downloads are read back
and compared byte for byte with what the command line builds from the worksheet the page saved. axe-core checks
the page in each state, and any console error (a script error, a CSP refusal, a missing file) fails the test.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

from browsing import (  # noqa: F401 - fixtures
    CLIENT,
    KNOTS,
    REPO,
    base_url,
    browser,
    first_page_image,
    page,
    pdf_text,
    program_names,
    project,
    serious_problems,
    shots,
)
from click.testing import CliRunner
from playwright.sync_api import Page, expect

from generator.cli.main import main


def save_as(page: Page, path: str) -> None:
    page.get_by_role("button", name="Save as worksheet").click()
    page.get_by_label("File in this project").fill(path)
    page.get_by_role("button", name="Save worksheet").click()


def test_a_clinicians_journey(page, project, shots, tmp_path, monkeypatch):
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "1-empty.png"))

    # Search as you type: only matching cards remain.
    page.get_by_label("Search exercises").fill("chin")
    expect(page.get_by_role("button", name="Add Chin tuck")).to_be_visible()
    expect(page.get_by_role("button", name="Add Cat and dog")).to_have_count(0)
    page.get_by_role("button", name="Add Chin tuck").click()
    page.get_by_label("Search exercises").fill("")
    page.get_by_role("button", name="Add Cat and dog").click()
    page.get_by_role("button", name="Add Upper trapezius stretch").click()
    assert program_names(page) == ["Chin tuck", "Cat and dog", "Upper trapezius stretch"]

    # Filters: a position narrows the library to exercises done in it.
    page.get_by_label("Position").select_option(label="Kneeling")
    for position in page.locator("#library-list .card-meta span").all_inner_texts():
        assert position == "Kneeling"
    page.get_by_role("button", name="Clear search and filters").click()

    # Reorder by dragging the last exercise above the first.
    items = page.locator("#program-list > li")
    items.nth(2).locator(".grip").drag_to(items.nth(0).locator(".item-head"), target_position={"x": 40, "y": 2})
    expect(page.locator("#program-list > li h3").first).to_have_text("Upper trapezius stretch")
    assert program_names(page) == ["Upper trapezius stretch", "Chin tuck", "Cat and dog"]

    # Reorder by keyboard: the Move button keeps focus, Alt+Up moves again, and both are announced.
    page.get_by_role("button", name="Move Cat and dog up").focus()
    page.keyboard.press("Enter")
    assert program_names(page) == ["Upper trapezius stretch", "Cat and dog", "Chin tuck"]
    expect(page.locator("#announcer")).to_have_text("Cat and dog moved to number 2 of 3.")
    expect(page.get_by_role("button", name="Move Cat and dog up")).to_be_focused()
    page.keyboard.press("Alt+ArrowUp")
    assert program_names(page) == ["Cat and dog", "Upper trapezius stretch", "Chin tuck"]
    expect(page.locator("#announcer")).to_have_text("Cat and dog moved to number 1 of 3.")

    # A new hold and the client's name change the preview.
    before = first_page_image(page).get_attribute("src")
    page.get_by_label("Hold for Chin tuck").fill("17")
    page.get_by_label("Client name").fill(CLIENT)
    expect(first_page_image(page)).not_to_have_attribute("src", before, timeout=30_000)
    expect(page.locator("#preview-state")).to_have_text(re.compile(r"^\d+ pages?$"))
    assert serious_problems(page) == []
    for pane in (".pane-library", ".pane-program", ".pane-preview"):
        page.locator(pane).evaluate("pane => pane.scrollTo(0, 0)")
    page.get_by_label("Search exercises").focus()
    page.screenshot(path=str(shots / "2-program.png"))

    # Download the PDF and read it back.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    downloaded = Path(download.value.path()).read_bytes()
    text = pdf_text(downloaded)
    assert CLIENT in text
    assert "hold 17 s" in text
    assert text.index("Cat and dog") < text.index("Upper trapezius stretch") < text.index("Chin tuck")

    # Save it; saving again asks before replacing.
    save_as(page, "worksheets/web-journey.yaml")
    expect(page.locator("#status")).to_have_text("Saved worksheets/web-journey.yaml.")
    saved = (project / "worksheets/web-journey.yaml").read_text(encoding="utf-8")
    save_as(page, "worksheets/web-journey.yaml")
    expect(page.locator("#save-message")).to_contain_text("exists; replace it?")
    page.screenshot(path=str(shots / "3-save-confirm.png"))
    page.get_by_role("button", name="Replace it").click()
    expect(page.locator("#save-dialog")).not_to_be_visible()
    assert (project / "worksheets/web-journey.yaml").read_text(encoding="utf-8") == saved

    # The command line builds the saved worksheet, with the same client option, to the same bytes.
    monkeypatch.chdir(project)
    out = tmp_path / "cli.pdf"
    result = CliRunner().invoke(main, ["build", "worksheets/web-journey.yaml", "--client", CLIENT, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == downloaded


def test_search_finds_what_a_clinician_types_the_best_answers_first(page):
    search, cards = page.get_by_label("Search exercises"), page.locator("#library-list .card-name")
    library = page.evaluate("() => fetch('/api/library').then((r) => r.json())")["exercises"]
    total = len(library)

    def tagged(region: str) -> set[str]:
        return {ex["name"] for ex in library if region in ex["regions"]}

    def shown(query: str) -> list[str]:
        search.fill(query)
        expect(page.locator("#library-count")).to_have_text(re.compile(rf"^\d+ of {total} exercises$"))
        return cards.all_inner_texts()

    # no exercise says 'pain': the regions' search words do, and only that region's exercises are shown
    assert set(shown("neck pain")) == tagged("neck") and len(tagged("neck")) >= 6
    knee = shown("knee pain")
    assert set(knee[:len(tagged("knee"))]) == tagged("knee")  # the knee exercises first
    assert set(shown("stairs")) == tagged("knee")
    assert set(shown("after sprain")) == tagged("ankle-foot")
    shoulder = shown("shoulder")  # those tagged with the region before those that only mention it
    assert set(shoulder[:len(tagged("shoulder"))]) == tagged("shoulder")
    necks = shown("neck stretch")  # the neck stretches, the one named so first; not every stretch
    assert necks[0] == "Towel neck stretch, lying" and "Chin tuck" not in necks
    assert set(necks) <= tagged("neck") and len(necks) >= 4
    # the region filter lists the model's regions by their labels, in its order
    search.fill("")
    assert page.locator("#filter-region option").all_inner_texts() == [
        "All regions", "Neck", "Shoulder", "Upper back", "Lower back", "Hip", "Knee", "Ankle and foot", "Balance"]
    page.locator("#filter-region").select_option(label="Ankle and foot")
    expect(page.locator("#library-count")).to_have_text(f"{len(tagged('ankle-foot'))} of {total} exercises")
    assert set(cards.all_inner_texts()) == tagged("ankle-foot")


def test_undo_and_redo_take_back_every_edit(page):
    page.get_by_role("button", name="Add Chin tuck").click()
    page.get_by_role("button", name="Add Cat and dog").click()
    hold = page.get_by_label("Hold for Chin tuck (s)")
    hold.fill("4")
    hold.press_sequentially("5")  # typing on in one field is one step
    page.get_by_role("button", name="Remove Cat and dog").click()
    assert program_names(page) == ["Chin tuck"]
    undo, redo = page.get_by_role("button", name="Undo"), page.get_by_role("button", name="Redo")
    undo.click()
    assert program_names(page) == ["Chin tuck", "Cat and dog"]
    page.keyboard.press("Control+z")  # focus is on the Undo button, not in a field
    expect(page.get_by_label("Hold for Chin tuck (s)")).to_have_value("")
    page.keyboard.press("Control+Shift+z")
    expect(page.get_by_label("Hold for Chin tuck (s)")).to_have_value("45")
    redo.click()
    assert program_names(page) == ["Chin tuck"]
    expect(redo).to_be_disabled()
    for _ in range(4):  # the removal, the hold, then adding each exercise
        undo.click()
    assert program_names(page) == []
    expect(undo).to_be_disabled()
    page.keyboard.press("Control+y")
    assert program_names(page) == ["Chin tuck"]


def test_unsaved_changes_are_never_lost_without_asking(page):
    page.get_by_role("button", name="Add Chin tuck").click()
    for action in ("New program", "Open worksheet"):
        page.get_by_role("button", name=action).click()
        expect(page.get_by_role("heading", name="Discard the changes?")).to_be_visible()
        page.get_by_role("button", name="Keep editing").click()
        assert program_names(page) == ["Chin tuck"]
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)  # the user closes the tab: the browser asks, and they stay
    expect(page.locator("body[data-ready]")).to_have_count(1)
    assert asked == ["beforeunload"] and program_names(page) == ["Chin tuck"]
    save_as(page, "worksheets/kept-chin-tuck.yaml")
    expect(page.locator("#program-path")).to_have_text("Worksheet worksheets/kept-chin-tuck.yaml")
    page.get_by_role("button", name="New program").click()  # saved: nothing to lose, so no question
    title = page.get_by_label("Title of the handout")
    expect(title).to_have_value(re.compile(r"^Home exercise program, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$"))
    title.fill("Neck routine for Ana")
    page.get_by_role("button", name="Start the program").click()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Neck routine for Ana")
    assert program_names(page) == []


def test_the_open_dialog_lists_the_newest_first_and_finds_by_title_or_file_name(page):
    page.get_by_role("button", name="Add Chin tuck").click()
    page.get_by_label("Title", exact=True).fill("A program saved just now")
    save_as(page, "worksheets/saved-just-now.yaml")
    page.get_by_role("button", name="Open worksheet").click()
    choices = page.locator("#worksheet-list button")
    expect(choices.first).to_contain_text("A program saved just now")
    expect(choices.first).to_contain_text("worksheets/saved-just-now.yaml")
    page.get_by_label("Find a worksheet").fill("knots")
    listed = choices.all_inner_texts()
    assert listed and all("knots" in text.lower() for text in listed)
    assert any("Muscle knots in your neck and upper back" in text for text in listed)
    page.get_by_label("Find a worksheet").fill("no such worksheet")
    expect(choices).to_have_count(0)
    expect(page.locator("#open-message")).to_have_text("No worksheet matches.")


def test_opening_a_shipped_worksheet_and_saving_it_changes_nothing(page, project, shots):
    original = (project / KNOTS).read_text(encoding="utf-8")
    assert "# stand, then sit" in original
    page.get_by_role("button", name="Open worksheet").click()
    page.get_by_role("button", name="Open Muscle knots in your neck and upper back").click()
    expect(page.locator("#program-list > li")).to_have_count(9)
    expect(page.get_by_label("Title", exact=True)).to_have_value("Muscle knots in your neck and upper back")
    first_page_image(page)
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "4-opened.png"))
    save_as(page, KNOTS)
    expect(page.locator("#save-message")).to_contain_text("exists; replace it?")
    page.get_by_role("button", name="Replace it").click()
    expect(page.locator("#status")).to_have_text(f"Saved {KNOTS}.")
    assert (project / KNOTS).read_text(encoding="utf-8") == original


def test_a_bad_value_is_explained_beside_its_field(page, shots):
    page.get_by_role("button", name="Add Chin tuck").click()
    first_page_image(page)
    hold = page.get_by_label("Hold for Chin tuck")
    hold.fill("-5")
    expect(hold).to_have_attribute("aria-invalid", "true", timeout=30_000)
    # At the field, what is wrong; the field says where.
    described = page.locator("#" + hold.get_attribute("aria-describedby").split()[-1])
    expect(described).to_have_text("must be at least 1, got -5")
    # In the list, which exercise, numbered as the page numbers it, and which field.
    expect(page.locator("#problem-list li").first).to_have_text("Exercise 1 (Chin tuck), Hold: must be at least 1, got -5")
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "5-problem.png"))
    # Following the summary's link lands on the field; fixing it clears both.
    page.locator("#problem-list a").first.click()
    expect(hold).to_be_focused()
    hold.fill("8")
    expect(hold).not_to_have_attribute("aria-invalid", "true", timeout=30_000)
    expect(page.locator("#problems")).to_be_hidden()


def test_a_preview_being_redrawn_keeps_its_captions_readable(page):
    page.get_by_role("button", name="Add Chin tuck").click()
    first_page_image(page)
    # Hold the preview in its redrawing state, as while a later change waits for its pages.
    page.evaluate("document.getElementById('pages').classList.add('stale')")
    page.wait_for_timeout(300)  # past the fade
    assert page.locator("#pages figcaption").first.evaluate("e => getComputedStyle(e).opacity") == "1"
    assert serious_problems(page) == []


def tab_to(page: Page, name: str, backwards: bool = False, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent")
        if label.strip() == name:
            return
    raise AssertionError(f"{name!r} was not reached with the keyboard")


def test_the_keyboard_alone_adds_an_exercise_and_downloads(page, shots):
    tab_to(page, "Add Chin tuck")
    page.keyboard.press("Enter")
    assert program_names(page) == ["Chin tuck"]
    tab_to(page, "Add Prayer stretch (child's pose)")
    page.keyboard.press("Space")
    assert program_names(page) == ["Chin tuck", "Prayer stretch (child's pose)"]
    first_page_image(page)
    page.screenshot(path=str(shots / "6-keyboard.png"))
    tab_to(page, "Download PDF", backwards=True)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "Chin tuck" in text and "Prayer stretch" in text


def test_many_clients_from_a_csv(page, shots, tmp_path):
    # The handouts are built from a saved worksheet: an unsaved program is asked to be saved first.
    page.get_by_role("button", name="Add Chin tuck").click()
    page.get_by_role("button", name="Many clients").click()
    expect(page.locator("#batch-message")).to_have_text(re.compile("^Save the program as a worksheet first"))
    expect(page.get_by_role("button", name="Build handouts")).to_be_disabled()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Open worksheet").click()
    page.get_by_role("button", name="Discard changes").click()  # the chin tuck added above, not saved
    page.get_by_role("button", name="Open Muscle knots in your neck and upper back").click()
    expect(page.locator("#program-list > li")).to_have_count(9)
    clients = tmp_path / "clients.csv"
    clients.write_text(f"client,date\n{CLIENT},2026-11-20\nSam Example,2026-11-21\n", encoding="utf-8")
    page.get_by_role("button", name="Many clients").click()
    page.get_by_label("Clients CSV file").set_input_files(str(clients))
    with page.expect_download() as download:
        page.get_by_role("button", name="Build handouts").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert len(pdfs) == 2
    assert any(CLIENT in pdf_text(archive.read(name)) for name in pdfs)
    summary = page.locator("#batch-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("built 2")
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "7-batch.png"))


def test_a_narrow_screen_stacks_the_panes(page, shots):
    page.set_viewport_size({"width": 600, "height": 1000})
    page.get_by_role("button", name="Add Chin tuck").click()
    first_page_image(page)
    library = page.locator(".pane-library").bounding_box()
    program = page.locator(".pane-program").bounding_box()
    preview = page.locator(".pane-preview").bounding_box()
    assert library["y"] < program["y"] < preview["y"]
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "8-narrow.png"), full_page=True)


def test_on_a_phone_the_actions_stay_in_reach_and_the_preview_is_one_tap_away(page, shots):
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Add Chin tuck").click()
    first_page_image(page)
    page.locator("#client-note").scroll_into_view_if_needed()  # down among the client's fields
    assert page.evaluate("() => window.scrollY") > 1000
    for name in ("Undo", "Save as worksheet", "Download PDF"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 844, name  # on the screen
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_role("link", name="Preview").click()
    image = page.locator("#pages figure img").first
    expect(image).to_be_in_viewport()
    assert page.locator(".topbar").bounding_box()["height"] < 110  # the bar leaves the screen to the page
    assert serious_problems(page) == []
    page.screenshot(path=str(shots / "9-phone.png"))
