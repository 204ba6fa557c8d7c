"""The builder page's preview in a real browser: only changed pages drawn again, a page enlarged to read, an
exercise's detail view, and printing, in headless Chromium and in a windowed one on a virtual screen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest
from browsing import CHROMIUM, base_url, browser, first_page_image, page, project, serious_problems, shots  # noqa: F401
from playwright.sync_api import Page, expect
from pypdf import PdfReader


def add(page: Page, *names: str) -> None:
    for name in names:
        page.get_by_role("button", name=f"Add {name}", exact=True).click()


def settled(page: Page, pages: int | None = None) -> None:
    """The preview has answered the last change."""
    count = str(pages) if pages else r"\d+"
    expect(page.locator("#preview-state")).to_have_text(re.compile(f"^{count} pages?$"), timeout=30_000)
    expect(page.locator("#pages.stale")).to_have_count(0)


def test_a_change_draws_again_only_the_pages_it_changed(page):
    add(page, "Chin tuck", "Cat and dog", "Upper trapezius stretch", "Levator scapulae stretch")
    settled(page)
    figures = page.locator("#pages figure.page")
    count = figures.count()
    assert count >= 2
    page.evaluate("() => document.querySelectorAll('#pages figure.page').forEach((f, i) => { f.dataset.was = i; })")
    answers = []
    page.on("response", lambda r: answers.append(r.json()) if r.url.split("?")[0].endswith("/api/preview") else None)
    page.get_by_label("Hold for Chin tuck").fill("17")  # the first card, on page one
    settled(page)
    assert figures.count() == count
    kept = page.evaluate("() => [...document.querySelectorAll('#pages figure.page')].map(f => f.dataset.was ?? null)")
    assert kept[0] is None and kept[1:] == [str(n) for n in range(1, count)]  # page one alone is new
    assert [image is not None for image in answers[-1]["images"]] == [True] + [False] * (count - 1)
    # undo brings page one back from the images the page kept, drawing nothing
    page.get_by_role("button", name="Undo").click()
    settled(page)
    assert all(image is None for image in answers[-1]["images"])
    assert serious_problems(page) == []


def test_a_preview_page_enlarges_enough_to_read(page, shots):
    add(page, "Chin tuck", "Cat and dog", "Upper trapezius stretch", "Levator scapulae stretch")
    settled(page)
    total = page.locator("#pages figure.page").count()
    page.get_by_role("button", name=f"Enlarge page 1 of {total}").click()
    dialog = page.locator("#zoom-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#zoom-title")).to_have_text(f"Page 1 of {total}")
    image = page.locator("#zoom-image")
    expect(image).not_to_have_class(re.compile("stale"), timeout=30_000)
    assert image.evaluate("i => i.naturalWidth") == 1275  # Letter at 150 dpi
    shown = image.bounding_box()["width"]
    assert shown >= 2 * page.locator("#pages figure.page img").first.bounding_box()["width"]
    assert shown >= 850  # 10 pt type some 12 px tall or more
    page.screenshot(path=str(shots / "10-page-enlarged.png"))
    assert serious_problems(page) == []
    page.get_by_role("button", name="Next page").click()
    expect(page.locator("#zoom-title")).to_have_text(f"Page 2 of {total}")
    expect(image).not_to_have_class(re.compile("stale"), timeout=30_000)
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#zoom-title")).to_have_text(f"Page 1 of {total}")
    expect(page.get_by_role("button", name="Previous page")).to_be_disabled()
    page.get_by_role("button", name="Actual size").click()
    expect(page.get_by_role("button", name="Actual size")).to_have_attribute("aria-pressed", "true")
    expect(image).not_to_have_class(re.compile("stale"), timeout=30_000)
    assert image.bounding_box()["width"] == pytest.approx(1275, abs=2)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_on_a_phone_an_enlarged_page_opens_at_its_own_size(page):
    page.set_viewport_size({"width": 390, "height": 844})
    add(page, "Chin tuck")
    settled(page, 1)
    page.get_by_role("button", name="Enlarge page 1 of 1").click()
    expect(page.get_by_role("button", name="Actual size")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#zoom-image")).not_to_have_class(re.compile("stale"), timeout=30_000)
    assert page.locator("#zoom-image").bounding_box()["width"] == pytest.approx(1275, abs=2)
    assert serious_problems(page) == []


def test_an_exercise_opens_in_a_detail_view_with_add_in_it(page, shots):
    details = page.get_by_role("button", name="Details of Chin tuck")
    details.click()
    dialog = page.locator("#detail-dialog")
    expect(dialog.locator("h2")).to_have_text("Chin tuck")
    expect(dialog.locator(".detail-steps li")).to_have_count(5)
    expect(dialog.locator(".detail-steps li").first).to_have_text("Sit tall with your feet flat and your shoulders relaxed.")
    expect(dialog.locator(".detail-dose")).to_have_text("10 reps · hold 5 s · 2× a day")
    expect(dialog.locator(".detail-cautions h3")).to_have_text("Take care")
    picture = dialog.get_by_role("img", name="Picture of Chin tuck")
    expect(picture).to_be_visible()
    assert picture.evaluate("i => i.decode().then(() => i.naturalWidth)") >= 400
    assert picture.bounding_box()["width"] >= 300  # large, against 96 px on the card
    page.screenshot(path=str(shots / "11-exercise-detail.png"))
    assert serious_problems(page) == []
    page.get_by_role("button", name="Add Chin tuck to the program").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#program-list > li h3")).to_have_text(["Chin tuck"])
    expect(page.get_by_role("button", name="Details of Chin tuck")).to_be_focused()
    # in the program's language, with the labels its handout prints
    page.locator("#language").select_option("es")
    page.get_by_role("button", name="Details of Chin tuck").click()
    expect(dialog.locator("h2")).to_have_text("Retracción del mentón")
    expect(dialog.locator(".detail-dose")).to_have_text("10 repeticiones · mantener 5 s · 2 veces al día")
    expect(dialog.locator(".detail-text")).to_have_attribute("lang", "es")
    page.get_by_role("button", name="Close", exact=True).click()
    expect(dialog).to_be_hidden()


def test_print_in_headless_chromium_gives_the_handout_and_the_tab_lives(page):
    add(page, "Chin tuck")
    with page.expect_download() as download:
        page.get_by_role("button", name="Print").click()
    pdf = download.value.path().read_bytes()
    assert "Chin tuck" in PdfReader(download.value.path()).pages[0].extract_text()
    assert pdf.startswith(b"%PDF-")
    expect(page.locator("#status")).to_have_text(re.compile(
        r"^This browser cannot print from the page: [\w.-]+\.pdf is downloaded; print it from a PDF reader\.$"))
    assert page.evaluate("() => document.body.dataset.ready") == "true"  # the tab did not crash


def _free_display() -> int:
    for number in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
            return number
    raise AssertionError("no free X display")


@pytest.fixture
def screen():
    """A virtual screen (Xvfb) for a windowed browser, started and stopped here."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("the windowed-browser test needs Xvfb (apt-get install xvfb)")
    number = _free_display()
    process = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1440x1000x24", "-nolisten", "tcp"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        assert process.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    process.terminate()
    process.wait(timeout=10)


def test_print_in_a_windowed_chromium_opens_its_print_preview_with_the_handout(browser, base_url, screen):
    # a second Chromium, windowed, from the same Playwright as the headless one
    windowed = browser.browser_type.launch(executable_path=str(CHROMIUM), headless=False,
                                           env={**os.environ, "DISPLAY": screen})
    try:
        tab = windowed.new_page(viewport={"width": 1280, "height": 860})
        crashed = []
        tab.on("crash", lambda _: crashed.append(True))
        tab.goto(base_url + "/")
        expect(tab.locator("body[data-ready]")).to_have_count(1)
        add(tab, "Chin tuck")
        browser_session = windowed.new_browser_cdp_session()

        def targets() -> list[str]:
            return [target["url"] for target in browser_session.send("Target.getTargets")["targetInfos"]]

        assert not any(url.startswith("chrome://print") for url in targets())
        tab.get_by_role("button", name="Print").click()
        expect(tab.locator("#status")).to_have_text("The print dialog opens with the handout.")
        deadline = time.monotonic() + 20
        while not any(url.startswith("chrome://print") for url in targets()):
            assert time.monotonic() < deadline, f"no print preview opened: {targets()}"
            time.sleep(0.2)
        # the preview prints the handout's PDF (the frame's blob), and the tab with the program lives on
        assert any(url.startswith("blob:" + base_url) for url in targets())
        assert tab.evaluate("() => document.body.dataset.ready") == "true" and not crashed
    finally:
        windowed.close()
