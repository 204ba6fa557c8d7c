"""The builder page in a real browser, for the browser tests: the real server in a thread against a copy of the
project, Debian's Chromium driven by Playwright, a page that fails its test on any console error, and axe-core.

Screenshots of each screen go to $WEB_SCREENSHOTS, or to a temporary folder that the test prints.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import threading
import time
import zipfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("the browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

import uvicorn  # noqa: E402
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator.cli.main import main  # noqa: E402
from generator.web.app import create_app  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CLIENT = "Zoë Ñúñez-Example"
KNOTS = "worksheets/neck-and-upper-back-knots.yaml"  # shipped, with a comment to keep


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO / "worksheets", root / "worksheets")
    shutil.copytree(REPO / "layouts", root / "layouts")
    return root


@pytest.fixture(scope="module")
def base_url(project):
    server = uvicorn.Server(uvicorn.Config(create_app(project, secrets.token_urlsafe(16)), host="127.0.0.1", port=0,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("WEB_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture
def page(browser, base_url):
    """A fresh page on the builder; fails the test on any console error (CSP refusals are console errors)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []

    def on_console(message) -> None:
        # Chromium logs every 4xx answer; 409 (ask before replacing) and 422 (problems to show) are answers
        # the page expects and shows, not faults.
        if message.type == "error" and not re.search(r"status of (409|422) ", message.text):
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.goto(base_url + "/")
    expect(page.locator("body[data-ready]")).to_have_count(1)
    yield page
    context.close()
    assert errors == [], "console errors:\n" + "\n".join(errors)


def serious_problems(page: Page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes']]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def program_names(page: Page) -> list[str]:
    return page.locator("#program-list > li h3").all_inner_texts()


def first_page_image(page: Page):
    image = page.locator("#pages figure img").first
    expect(image).to_be_visible(timeout=30_000)
    return image


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
