"""The `worksheet` command as a user drives it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import read_pages
from pypdf import PdfReader

import generator
from generator.cli.main import main

TRIGGER_POINTS = "worksheets/upper-back-trigger-points.yaml"


def test_build_writes_out_stem_pdf_and_says_how_many_pages(project: Path, run):
    result = run("build", TRIGGER_POINTS)
    assert result.exit_code == 0, result.stderr
    pages = len(PdfReader(project / "out/upper-back-trigger-points.pdf").pages)
    assert result.stdout == f"out/upper-back-trigger-points.pdf  ({pages} pages)\n"
    assert result.stderr == ""


def test_build_to_a_named_file_and_to_a_folder(project: Path, run):
    assert run("build", TRIGGER_POINTS, "-o", "mine.pdf").exit_code == 0
    assert (project / "mine.pdf").read_bytes()[:5] == b"%PDF-"
    result = run("build", TRIGGER_POINTS, "worksheets/between-shoulder-blades.yaml", "-o", "handouts")
    assert result.exit_code == 0
    assert sorted(p.name for p in (project / "handouts").iterdir()) == [
        "between-shoulder-blades.pdf", "upper-back-trigger-points.pdf"]


def test_one_pdf_file_for_several_worksheets_is_a_usage_error(project: Path, run):
    result = run("build", TRIGGER_POINTS, "worksheets/between-shoulder-blades.yaml", "-o", "both.pdf")
    assert result.exit_code == 2
    assert "-o names one PDF file, but several worksheets were given; name a folder instead" in result.stderr


def test_paper_a4_overrides_the_layout(project: Path, run):
    assert run("build", TRIGGER_POINTS, "--paper", "a4", "-o", "a4.pdf").exit_code == 0
    page = read_pages((project / "a4.pdf").read_bytes())[0]
    assert (round(page.width), round(page.height)) == (595, 842)


def test_layout_by_path_and_unknown_layout_by_name(project: Path, run):
    layout = (project / "layouts/standard.yaml").read_text().replace("size: letter", "size: legal")
    (project / "legal-copy.yaml").write_text(layout)
    assert run("build", TRIGGER_POINTS, "--layout", "legal-copy.yaml", "-o", "legal.pdf").exit_code == 0
    assert round(read_pages((project / "legal.pdf").read_bytes())[0].height) == 1008
    result = run("build", TRIGGER_POINTS, "--layout", "standart")
    assert result.exit_code == 1
    assert result.stderr == "--layout: unknown layout 'standart' (did you mean 'standard'?); known layouts: compact, large-print, one-per-page, standard\n"


def test_a_failure_among_several_worksheets_does_not_stop_the_others(project: Path, run):
    (project / "worksheets/broken.yaml").write_text("title: Broken\nexercises: [chin-tuk]\n")
    result = run("build", "worksheets/broken.yaml", TRIGGER_POINTS)
    assert result.exit_code == 1
    assert result.stderr == (
        "worksheets/broken.yaml:2:13: exercises[0]: unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)\n"
        "1 of 2 worksheets failed\n"
    )
    assert result.stdout.startswith("out/upper-back-trigger-points.pdf")


def test_a_failed_build_never_replaces_a_good_pdf(project: Path, run):
    assert run("build", TRIGGER_POINTS).exit_code == 0
    good = (project / "out/upper-back-trigger-points.pdf").read_bytes()
    worksheet = project / TRIGGER_POINTS
    worksheet.write_text(worksheet.read_text().replace("scapular-squeeze", "scapular-squeez"))
    assert run("build", TRIGGER_POINTS).exit_code == 1
    assert (project / "out/upper-back-trigger-points.pdf").read_bytes() == good
    assert os.listdir(project / "out") == ["upper-back-trigger-points.pdf"]


def test_validate_checks_everything_by_default(project: Path, run):
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    exercises = len(list((project / "worksheets/exercises").glob("*.yaml")))
    layouts = len(list((project / "layouts").glob("*.yaml")))
    translations = len(list((project / "worksheets/exercises").glob("*/*.yaml")))
    worksheets = len([path for path in (project / "worksheets").rglob("*.yaml") if "exercises" not in path.parts])
    assert result.stdout == (f"checked {worksheets} worksheets, {exercises} exercises, {translations} translations, "
                             f"{layouts} layouts: no problems\n")


def test_validate_reports_every_problem_in_every_file(project: Path, run):
    worksheets = len([path for path in (project / "worksheets").rglob("*.yaml") if "exercises" not in path.parts])
    exercises = len(list((project / "worksheets/exercises").glob("*.yaml")))
    layouts = len(list((project / "layouts").glob("*.yaml")))
    translations = len(list((project / "worksheets/exercises").glob("*/*.yaml")))
    # snow angels: in one worksheet and its Spanish copy only
    (project / "worksheets/exercises/snow-angels.yaml").write_text("name: Snow angels\nposition: sittin\nsteps: [Sweep.]\n")
    (project / "layouts/standard.yaml").write_text(
        (project / "layouts/standard.yaml").read_text().replace("accent: '#1d5c87'", "accent: blue"))
    result = run("validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "layouts/standard.yaml:34:11: colours.accent: expected a colour like '#1d5c87', got 'blue'",
        "worksheets/es/neck-and-upper-back-knots.yaml:16:5: exercises[3]: exercise 'snow-angels' has problems; "
        "see its own file",
        "worksheets/exercises/snow-angels.yaml:2:11: position: expected one of standing, standing-one-leg, sitting, "
        "long-sitting, kneeling, half-kneeling, quadruped, lying, lying-knees-bent, lying-face-down, side-lying, "
        "side-lying-right, side-lying-left, any; got 'sittin' "
        "(did you mean 'sitting'?)",
        "worksheets/neck-and-upper-back-knots.yaml:14:5: exercises[3]: exercise 'snow-angels' has problems; "
        "see its own file",
        f"checked {worksheets} worksheets, {exercises} exercises, {translations} translations, {layouts} layouts: "
        "4 problems",
    ]


def test_list_exercises_with_a_tag_and_list_layouts_and_worksheets(project: Path, run):
    result = run("list", "exercises", "--tag", "neck")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "POSITION", "TAGS"]
    assert any(line.startswith("chin-tuck ") and " sitting " in line for line in lines)
    assert all("neck" in line for line in lines[1:])
    assert "standard" in run("list", "layouts").stdout
    knee = run("list", "exercises", "--region", "knee").stdout.splitlines()
    tagged = sorted(path.stem for path in (project / "worksheets/exercises").glob("*.yaml")
                    if "knee" in yaml.safe_load(path.read_text())["tags"])
    assert [line.split()[0] for line in knee[1:]] == tagged and {"step-up", "quad-set"} <= set(tagged)
    both = run("list", "exercises", "--region", "balance", "--tag", "hip").stdout.splitlines()
    assert {"single-leg-balance", "sit-to-stand", "step-up"} <= {line.split()[0] for line in both[1:]}
    assert all(" balance" in line and " hip" in line for line in both[1:])
    wrong = run("list", "exercises", "--region", "kne")
    assert wrong.exit_code == 2 and wrong.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--region': 'kne' is not one of 'neck', 'shoulder', 'upper-back', 'lower-back', "
        "'hip', 'knee', 'ankle-foot', 'balance'.")
    layouts = run("list", "layouts", "--region", "knee")
    assert layouts.exit_code == 2 and layouts.stderr.splitlines()[-1] == (
        "Error: --region lists exercises only; use 'worksheet list exercises --region knee'")
    worksheets = run("list", "worksheets").stdout.splitlines()
    assert worksheets[0].split() == ["ID", "TITLE", "LAYOUT", "LANGUAGE", "EXERCISES"]
    assert len(worksheets) == 1 + len(list((project / "worksheets").glob("*.yaml")))
    assert any(line.startswith("neck-and-upper-back-knots ") and line.split()[-2:] == ["en", "9"] for line in worksheets)


def test_help_version_and_debug(project: Path, run):
    assert "build" in run("--help").stdout and "Usage: worksheet build" in run("build", "--help").stdout
    assert run("--version").stdout == f"worksheet, version {generator.__version__}\n"
    (project / "worksheets/broken.yaml").write_text("title: [\n")
    quiet = run("build", "worksheets/broken.yaml")
    assert "Traceback" not in quiet.stderr
    loud = run("--debug", "build", "worksheets/broken.yaml")
    assert "Traceback (most recent call last)" in loud.stderr
    assert loud.exit_code == 1


def test_wrong_usage_exits_2(project: Path, run):
    assert run("build").exit_code == 2
    assert run("build", TRIGGER_POINTS, "--paper", "b5").exit_code == 2
    assert run("list", "things").exit_code == 2


def test_bundle_takes_the_client_options_build_takes(project: Path, run):
    sheets = (TRIGGER_POINTS, "worksheets/between-shoulder-blades.yaml")
    result = run("bundle", *sheets, "--client", "Ana Ruiz", "--date", "2026-11-20", "--clinician", "Dr Lee",
                 "--note", "Gently does it.", "--log-weeks", "1", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    pages = read_pages((project / "set.pdf").read_bytes())
    assert result.stdout == f"set.pdf  ({len(pages)} pages)\n"
    cover = " ".join(pages[0].text.split())
    assert all(said in cover for said in ("Ana Ruiz", "20 November 2026", "Dr Lee", "Gently does it."))
    build_options = {option.name for option in main.commands["build"].params}
    bundle_options = {option.name for option in main.commands["bundle"].params}
    assert build_options - bundle_options == {"worksheets"}  # every option of build's but its argument
    wrong = run("bundle", *sheets, "--cilent", "Ana")
    assert wrong.exit_code == 2
    assert "Error: No such option '--cilent'. (Did you mean one of: '--client'" in wrong.stderr
    bad_date = run("bundle", *sheets, "--date", "20/11/2026")
    assert (bad_date.exit_code, bad_date.stderr) == (1, "--date: expected a date like 2026-11-20, got '20/11/2026'\n")


def test_the_library_call_does_what_the_cli_does(project: Path):
    result = generator.build(TRIGGER_POINTS)
    assert result.output == Path("out/upper-back-trigger-points.pdf")
    assert result.pages == len(PdfReader(result.output).pages)
    assert generator.build_bytes(TRIGGER_POINTS, paper="a4") != result.output.read_bytes()


def test_preview_renders_pages_to_png_at_the_resolution_asked(project: Path, run):
    from PIL import Image

    result = run("preview", TRIGGER_POINTS, "--dpi", "50", "--pages", "1-2", "--png", "shots")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["shots/page-01.png", "shots/page-02.png"]
    assert Image.open(project / "shots/page-01.png").size == (425, 550)  # Letter at 50 dpi
    result = run("preview", TRIGGER_POINTS, "--layout", "compact", "--paper", "a4", "--dpi", "30")
    assert result.stdout.splitlines() == [f"out/preview/upper-back-trigger-points/page-0{n}.png" for n in (1, 2, 3)]
    assert Image.open(project / "out/preview/upper-back-trigger-points/page-01.png").size == (249, 351)  # A4 at 30 dpi, rounded up
    assert run("preview", TRIGGER_POINTS, "--pages", "two").exit_code == 2


def test_help_validate_and_list_never_load_reportlab(project: Path):
    """They must feel instant: ReportLab and Pillow load only when something is drawn. Listing three hundred
    worksheets reads their files and builds none of them."""
    for n in range(300):
        (project / f"worksheets/copy-{n:03d}.yaml").write_text(
            (project / "worksheets/upper-back-trigger-points.yaml").read_text())
    code = (
        "import sys\nfrom generator.cli.main import main\n"
        "for args in (['--help'], ['validate', 'worksheets/upper-back-trigger-points.yaml'],"
        " ['list', 'worksheets']):\n"
        "    try:\n        main(args)\n    except SystemExit as exit:\n        assert exit.code == 0, exit.code\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'reportlab', 'PIL'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
