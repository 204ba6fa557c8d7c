"""`worksheet serve --shortcut`: a launcher for clinicians who never open a terminal, run as the desktop runs
it (GLib's `gio launch`, which GNOME and others use to start a `.desktop` entry), and a second start that opens
the running page instead of failing on its busy port."""

from __future__ import annotations

import html
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from served import ROOT, Server, copy_project

from generator.web.launcher import launcher_for

GIO = shutil.which("gio")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def eventually(check, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := check()):
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def servers_of(project: Path) -> list[int]:
    """The processes serving ``project``: a launcher's server is the desktop's child, not the test's."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in arguments and os.fsencode(str(project.resolve())) in arguments:
            found.append(int(entry.name))
    return found


@pytest.fixture
def browser(tmp_path: Path):
    """A stand-in for the web browser, by the BROWSER variable Python's webbrowser reads: it writes down each
    address it is asked to open."""
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys\nopen({str(opened)!r}, 'a').write(sys.argv[1] + '\\n')\n")
    environment = {**os.environ, "BROWSER": f"{sys.executable} {script} %s", "PYTHONPATH": str(ROOT)}
    return environment, lambda: opened.read_text().splitlines() if opened.exists() else []


@pytest.mark.skipif(GIO is None, reason="needs GLib's gio (Debian's libglib2.0-bin), as the desktop has it")
def test_the_launcher_starts_the_page_opens_it_and_a_second_start_opens_the_running_one(tmp_path, run, browser):
    environment, opened = browser
    project = copy_project(tmp_path / 'Clinic "North" $HOME 100% \\ back')  # every character Exec must quote
    port = free_port()
    result = run("serve", str(project), "--shortcut-dir", str(tmp_path / "applications"), "--port", str(port))
    assert result.exit_code == 0, result.stderr
    [entry] = (tmp_path / "applications").glob("*.desktop")
    assert result.stdout == f"Wrote {entry}: it starts the page for {project.resolve()} and opens it in the browser\n"
    assert os.access(entry, os.X_OK)
    address = f"http://127.0.0.1:{port}/"
    try:
        subprocess.run([GIO, "launch", str(entry)], env=environment, cwd=tmp_path, check=True, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert eventually(opened) == [address]
        with urllib.request.urlopen(address, timeout=10) as page:
            assert page.status == 200 and project.name in html.unescape(page.read().decode())
        [first] = servers_of(project)
        subprocess.run([GIO, "launch", str(entry)], env=environment, cwd=tmp_path, check=True, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert eventually(lambda: len(opened()) == 2 and opened()) == [address, address]
        eventually(lambda: servers_of(project) == [first])  # the second start opened the page and left
    finally:
        for pid in servers_of(project):
            os.kill(pid, signal.SIGTERM)
        eventually(lambda: not servers_of(project))


def test_a_second_start_says_when_the_port_serves_another_project(tmp_path, run):
    server = Server(copy_project(tmp_path / "one"), tmp_path / "server.log")
    try:
        other = copy_project(tmp_path / "other")
        result = run("serve", str(other), "--port", str(server.port))
        assert result.exit_code == 1
        assert result.stderr == (f"cannot listen on 127.0.0.1:{server.port}: another project's page is served "
                                 f"there; try another --port\n")
    finally:
        server.stop()


def test_a_second_start_of_the_same_project_opens_the_running_page(tmp_path, run, browser):
    environment, opened = browser
    project = copy_project(tmp_path / "clinic")
    server = Server(project, tmp_path / "server.log")
    try:
        again = subprocess.run([sys.executable, "-m", "generator", "serve", str(project), "--port",
                                str(server.port), "--open"], env=environment, capture_output=True, text=True,
                               timeout=30)
        address = f"http://127.0.0.1:{server.port}/"
        assert (again.returncode, again.stdout, again.stderr) == (0, f"Already serving {project.resolve()} at "
                                                                     f"{address}\n", "")
        assert opened() == [address]
    finally:
        server.stop()


def test_launchers_for_macos_and_windows_run_the_same_command(tmp_path):
    project = copy_project(tmp_path / "it's 100%")
    mac = launcher_for(project, "/usr/bin/python3", 8765, "darwin")
    assert mac.name == "Worksheets - it's 100%.command" and mac.executable
    assert mac.text == (f"#!/bin/sh\nexec '/usr/bin/python3' '-m' 'generator' 'serve' "
                        f"'{tmp_path.resolve()}/it'\\''s 100%' '--port' '8765' '--open'\n")
    windows = launcher_for(project, r"C:\Python\python.exe", 8765, "win32")
    assert windows.name == "Worksheets - it's 100%.cmd" and not windows.executable
    assert windows.text == (f'@echo off\r\n"C:\\Python\\python.exe" "-m" "generator" "serve" '
                            f'"{tmp_path.resolve()}/it\'s 100%%" "--port" "8765" "--open"\r\n')


def test_a_folder_without_worksheets_gets_no_launcher(tmp_path, run):
    result = run("serve", str(tmp_path), "--shortcut-dir", str(tmp_path / "applications"))
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path.resolve()}: no worksheets/ folder here; give the project folder\n"
    assert not (tmp_path / "applications").exists()
