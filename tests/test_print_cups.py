"""`worksheet print`, `worksheet printers` and `worksheet batch --print` against a real CUPS server.

The session starts its own cupsd as root on a free port of 127.0.0.1, with its configuration, spool, cache
and logs in a temporary folder (the filters and backends are Debian's, from /usr/lib/cups), and stops it at
the end. Its printers use cups-pdf, the virtual printer that writes each job as a PDF file:

- cups-pdf reads its settings only from /etc/cups (a path compiled in), so each queue's device URI is
  ``cups-pdf:/<instance>``, which makes it read /etc/cups/cups-pdf-<instance>.conf: a file of our own,
  removed at the end, whose ``Out`` is a folder in the temporary one. The main cups-pdf.conf is untouched.
- The backend is mode 0700, so cupsd runs it as root; it writes the file as the job's user (root here),
  named ``job_<id>-<title>.pdf`` (``Label 1``), which is how a test finds its job's file.
- A job's copies and sides are read back with ipptool's Get-Job-Attributes.

The binaries come from Debian's cups, cups-client, cups-ipp-utils and printer-driver-cups-pdf, which
.ci/run installs; without them (or without root, which cupsd needs to run its backends) these tests skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from generator.cli.main import main

NEEDED = ["/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/sbin/cupsdisable", "/usr/sbin/cupsreject", "/usr/bin/lp",
          "/usr/bin/lpstat", "/usr/bin/lpoptions", "/usr/bin/ipptool", "/usr/lib/cups/backend/cups-pdf",
          "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"]
MISSING = [path for path in NEEDED if not Path(path).exists()]
pytestmark = [
    pytest.mark.skipif(bool(MISSING), reason=f"CUPS or cups-pdf not installed (missing {', '.join(MISSING)}); "
                                             ".ci/run installs them"),
    pytest.mark.skipif(os.geteuid() != 0, reason="cupsd needs root to run the cups-pdf backend"),
]

PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"
BLADES = "worksheets/between-shoulder-blades.yaml"
TRIGGER_POINTS = "worksheets/upper-back-trigger-points.yaml"
NECK = "worksheets/neck-and-upper-back-knots.yaml"
C_LOCALE = {**os.environ, "LC_ALL": "C", "LANG": "C"}


class Server:
    def __init__(self, address: str, out: Path):
        self.address, self.out = address, out

    def admin(self, *command: str) -> None:
        subprocess.run([command[0], "-h", self.address, *command[1:]], check=True, capture_output=True,
                       env=C_LOCALE)

    def jobs(self, *printers: str) -> list[str]:
        """Every job of the server (of ``printers``, when given), whatever its state."""
        listed = subprocess.run(["lpstat", "-h", self.address, "-W", "all", "-o", *printers], capture_output=True,
                                text=True, env=C_LOCALE)
        return [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]

    def job_attributes(self, job: str) -> dict[str, str]:
        number = job.rpartition("-")[2]
        done = subprocess.run(["ipptool", "-tv", f"ipp://{self.address}/jobs/{number}", "get-job-attributes.test"],
                              capture_output=True, text=True, env=C_LOCALE)
        found = {}
        for line in done.stdout.splitlines():
            name, _, value = line.strip().partition(" = ")
            if "(" in name:
                found[name.split(" (")[0]] = value
        return found

    def printed(self, job: str, timeout: float = 60) -> Path:
        """The PDF cups-pdf wrote for ``job``, once the job has completed."""
        number = job.rpartition("-")[2]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.job_attributes(job).get("job-state") in ("completed", "aborted", "canceled"):
                files = list(self.out.glob(f"job_{number}-*.pdf"))
                if files:
                    return files[0]
            time.sleep(0.2)
        log = (self.out.parent / "log/error_log").read_text(errors="replace")[-2000:]
        raise AssertionError(f"no output for job {job}: {self.job_attributes(job)}\n{log}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write_configuration(root: Path, port: int) -> None:
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nLogLevel info\nErrorPolicy abort-job\nWebInterface No\nBrowsing No\n"
        "DefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\nStateDir {root}/state\n"
        f"TempDir {root}/tmp\nAccessLog {root}/log/access_log\nErrorLog {root}/log/error_log\n"
        f"PageLog {root}/log/page_log\nPrintcap {root}/printcap\nUser lp\nGroup lp\nSystemGroup root\n")


def _refusing_ppd(root: Path) -> Path:
    """cups-pdf's PPD taking only HP-GL, which nothing converts a PDF into: CUPS creates the job, then
    refuses its document."""
    lines = [line for line in Path(PPD).read_text(encoding="latin-1").splitlines() if "cupsFilter" not in line]
    lines.append('*cupsFilter2: "application/vnd.hp-HPGL application/vnd.cups-raw 0 -"')
    path = root / "refusing.ppd"
    path.write_text("\n".join(lines) + "\n", encoding="latin-1")
    return path


@pytest.fixture(scope="session")
def cups_server():
    # Not pytest's tmp_path: its folders are private to root, and the filters run as lp.
    root = Path(tempfile.mkdtemp(prefix="worksheet-cups-"))
    for name in ("spool", "cache", "state", "log", "tmp", "out"):
        (root / name).mkdir()
    os.chmod(root, 0o755)
    for name in ("tmp", "out"):  # filters run as lp; the backend writes as the job's user
        os.chmod(root / name, 0o1777)
    port = _free_port()
    _write_configuration(root, port)
    instance = f"worksheet-test-{uuid.uuid4().hex[:8]}"
    settings = Path(f"/etc/cups/cups-pdf-{instance}.conf")
    settings.write_text(f"Out {root}/out\nLabel 1\nTitlePref 1\n")
    daemon = subprocess.Popen(["/usr/sbin/cupsd", "-f", "-c", str(root / "cupsd.conf"), "-s",
                               str(root / "cups-files.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(f"127.0.0.1:{port}", root / "out")
    try:
        deadline = time.monotonic() + 20
        while "scheduler is running" not in subprocess.run(["lpstat", "-h", server.address, "-r"], text=True,
                                                           capture_output=True, env=C_LOCALE).stdout:
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start: {daemon.stderr.read() if daemon.stderr else ''}")
            time.sleep(0.1)
        device = f"cups-pdf:/{instance}"
        for name, ppd in (("pdf", PPD), ("a4", PPD), ("paused", PPD), ("closed", PPD),
                          ("refusing", str(_refusing_ppd(root)))):
            server.admin("lpadmin", "-p", name, "-E", "-v", device, "-P", ppd)
        server.admin("lpadmin", "-p", "pdf", "-o", "media=Letter")
        server.admin("lpadmin", "-p", "a4", "-o", "media=A4")
        server.admin("lpadmin", "-d", "pdf")
        server.admin("cupsdisable", "-r", "out of toner", "paused")
        server.admin("cupsreject", "-r", "tray removed", "closed")
        yield server
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=20)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        settings.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
        if daemon.stderr:
            daemon.stderr.close()


@pytest.fixture
def cups(cups_server: Server, project: Path, monkeypatch: pytest.MonkeyPatch) -> Server:
    """The server, chosen through CUPS_SERVER as a user would, and the project as the working directory."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.address)
    return cups_server


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def job_of(stdout: str) -> str:
    return stdout.split()[0]


def pages_of(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_printers_lists_each_printer_its_state_and_the_default(cups: Server):
    result = invoke("printers")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "PRINTER   STATE    ACCEPTING  DEFAULT  REASON",
        "a4        idle     yes",
        "closed    idle     no                  tray removed",
        "paused    stopped  yes                 out of toner",
        "pdf       idle     yes        yes",
        "refusing  idle     yes",
    ]


def test_a_printed_handout_arrives_whole_with_its_text_and_page_count(cups: Server):
    import generator

    expected = generator.build_handout(BLADES)
    # ASCII: cups-pdf remakes the PDF through PostScript and Ghostscript, whose fonts keep no text map for
    # accented letters, so 'Zoë' would read back as glyph numbers although it prints right.
    result = invoke("print", BLADES, "--client", "Jordan Example")
    assert result.exit_code == 0, result.output
    job = job_of(result.stdout)
    assert result.stdout == f"{job} on 'pdf': 1 handout, {expected.pages} pages\n"
    pages = pages_of(cups.printed(job))
    assert len(pages) == expected.pages
    assert "Client: Jordan Example" in pages[0]
    assert f"Page 1 of {expected.pages}" in pages[0] and f"Page {expected.pages} of {expected.pages}" in pages[-1]


def test_copies_and_duplex_reach_the_job(cups: Server):
    result = invoke("print", BLADES, "--copies", "2", "--duplex", "long")
    assert result.exit_code == 0, result.output
    attributes = cups.job_attributes(job_of(result.stdout))
    assert (attributes["copies"], attributes["sides"]) == ("2", "two-sided-long-edge")
    short = cups.job_attributes(job_of(invoke("print", BLADES, "--duplex", "short").stdout))
    assert (short["copies"], short["sides"]) == ("1", "two-sided-short-edge")


def odd_pair() -> tuple[str, tuple[str, int], tuple[str, int]]:
    """A layout and two shipped worksheets whose handouts in it have odd page counts, as measured now: what
    the duplex rule adds a blank back to. Which ones these are moves whenever the content or a layout does."""
    import generator
    from generator.resolve.options import Options

    for layout in ("standard", "compact", "one-per-page", "large-print"):
        odd = [(path, pages) for path in (BLADES, TRIGGER_POINTS, NECK)
               if (pages := generator.build_handout(path, Options(layout=layout)).pages) % 2]
        if len(odd) >= 2:
            return layout, odd[0], odd[1]
    raise AssertionError("no layout gives two shipped handouts of odd page counts")


def test_duplex_starts_each_handout_of_a_job_on_a_front(cups: Server):
    layout, (one, first), (other, second) = odd_pair()
    result = invoke("print", one, other, "--layout", layout, "--duplex", "long")
    assert result.exit_code == 0, result.output
    total = first + 1 + second + 1
    assert result.stdout == f"{job_of(result.stdout)} on 'pdf': 2 handouts, {total} pages\n"
    pages = pages_of(cups.printed(job_of(result.stdout)))
    assert len(pages) == total
    assert pages[first].strip() == "" and pages[-1].strip() == ""  # a blank back after each odd handout
    assert f"Page 1 of {first}" in pages[0]
    assert f"Page 1 of {second}" in pages[first + 1]  # the second starts on a front: page first + 2, odd
    plain = invoke("print", one, other, "--layout", layout)  # one-sided: nothing added
    assert len(pages_of(cups.printed(job_of(plain.stdout)))) == first + second


def test_paper_auto_takes_the_printers_default_media(cups: Server):
    import io

    import generator

    def first_page(data: bytes) -> tuple[tuple[int, int], list[str]]:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = pdf.pages[0]
            return (round(page.width), round(page.height)), (page.extract_text() or "").splitlines()

    # The handout laid out for A4 wraps its lines differently from the layout's Letter one scaled to A4 by
    # the print service, so the printed lines tell which was sent.
    a4 = first_page(generator.build_bytes(BLADES, paper="a4"))
    letter = first_page(generator.build_bytes(BLADES))
    only_a4 = [line for line in a4[1] if line not in letter[1] and line.isascii()]
    only_letter = [line for line in letter[1] if line not in a4[1] and line.isascii()]
    assert only_a4 and only_letter
    auto = invoke("print", BLADES, "--printer", "a4", "--paper", "auto")
    assert auto.exit_code == 0, auto.output
    size, lines = first_page(cups.printed(job_of(auto.stdout)).read_bytes())
    assert size == (595, 842) and set(only_a4) <= set(lines) and not set(only_letter) & set(lines)
    on_letter = invoke("print", BLADES, "--paper", "auto")  # pdf's default media is Letter
    size, lines = first_page(cups.printed(job_of(on_letter.stdout)).read_bytes())
    assert size == (612, 792) and set(only_letter) <= set(lines)


def test_no_print_service_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{_free_port()}")
    result = invoke("print", BLADES)
    assert result.exit_code == 1
    assert result.stderr == (f"no print service: CUPS is not running on {os.environ['CUPS_SERVER']} (start it, or "
                             "point CUPS_SERVER at a print server)\n")
    assert invoke("printers").stderr == result.stderr


def test_unknown_printer_suggests_the_nearest(cups: Server):
    result = invoke("print", BLADES, "--printer", "pfd")
    assert result.exit_code == 1
    assert result.stderr == ("--printer: unknown printer 'pfd' (did you mean 'pdf'?); "
                             "printers: a4, closed, paused, pdf, refusing\n")


def test_a_stopped_printer_and_one_not_accepting_jobs_are_refused_before_building(cups: Server):
    before = sorted(cups.out.iterdir())
    stopped = invoke("print", BLADES, "--printer", "paused")
    assert stopped.exit_code == 1
    assert stopped.stderr == ("printer 'paused' is stopped (out of toner); start it with 'cupsenable paused', "
                              "or choose another with --printer\n")
    closed = invoke("print", BLADES, "--printer", "closed")
    assert closed.exit_code == 1
    assert closed.stderr == ("printer 'closed' is not accepting jobs (tray removed); open it to jobs with "
                             "'cupsaccept closed', or choose another with --printer\n")
    assert sorted(cups.out.iterdir()) == before


def test_a_job_the_service_refuses_is_cancelled_and_said_so(cups: Server):
    result = invoke("print", BLADES, "--printer", "refusing")
    assert result.exit_code == 1
    assert result.stderr == ("printer 'refusing' refused the job: Unsupported document-format \"application/pdf\"; "
                             "the job was cancelled and nothing prints\n")
    assert [cups.job_attributes(job)["job-state"] for job in cups.jobs("refusing")] == ["canceled"]


def test_a_worksheet_that_fails_to_build_sends_nothing(cups: Server, project: Path):
    (project / "worksheets/broken.yaml").write_text("title: Broken\nexercises: [chin-tuk]\n")
    jobs = cups.jobs()
    result = invoke("print", BLADES, "worksheets/broken.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "worksheets/broken.yaml:2:13: exercises[0]: unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)",
        "1 of 2 worksheets failed to build; nothing was sent to the printer",
    ]
    assert cups.jobs() == jobs


def test_batch_print_sends_each_built_handout(cups: Server):
    import generator

    result = invoke("batch", BLADES, TRIGGER_POINTS, "-j", "1", "-o", "handouts", "--print", "--copies", "2")
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-1]
    assert last.startswith("sent 2 jobs to 'pdf': ")
    jobs = last.partition(": ")[2].split(", ")
    for job, path in zip(jobs, (BLADES, TRIGGER_POINTS)):
        printed = cups.printed(job)
        assert printed.name.endswith(f"-{Path(path).stem}.pdf")
        assert len(pages_of(printed)) == generator.build_handout(path).pages
        assert cups.job_attributes(job)["copies"] == "2"


def test_batch_printer_options_need_print(project: Path):
    result = invoke("batch", BLADES, "--copies", "2")
    assert result.exit_code == 2
    assert "--printer, --copies, --duplex and --paper auto are for printing; add --print" in result.stderr
