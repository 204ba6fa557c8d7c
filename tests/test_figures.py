"""Exercise figures: every shipped exercise has one, every handout draws it inside its box and clear of the
words, and the solved poses stand on the floor, keep their contacts and mirror exactly."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pikepdf
import pypdfium2
import pytest

from generator.app.pipeline import build_bytes
from generator.load.anatomy import read_anatomy
from generator.load.library import Library
from generator.model.figure import CONTACTS, Figure, Pose, Shoulder
from generator.model.limits import Limits
from generator.pose.contacts import GRIPS, PLACING
from generator.pose.skeleton import forward
from generator.pose.solve import solve
from generator.pose.surface import lowest, pieces

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Library(ROOT / "worksheets" / "exercises", Limits())
WORKSHEETS = sorted((ROOT / "worksheets").glob("*.yaml")) + sorted((ROOT / "worksheets" / "es").glob("*.yaml"))
LAYOUTS = ["standard", "compact", "large-print", "one-per-page"]
PLACEHOLDER = "Draw or paste a picture"
PRINT_MM = 35.0  # the height a standing figure prints at in the standard box, about


def shipped() -> list:
    return LIBRARY.everything()


def test_every_shipped_exercise_has_a_figure_that_solves():
    for item in shipped():
        assert item.exercise.figure is not None, item.id
        assert LIBRARY.poser.picture(item.exercise.figure).troubles == (), item.id


def test_every_contact_has_a_solver():
    assert set(GRIPS) | set(PLACING) == set(CONTACTS)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_shipped_handout_draws_a_placeholder(layout: str, paper: str):
    for worksheet in WORKSHEETS:
        pdf = build_bytes(worksheet, layout=layout, paper=paper)
        with pikepdf.open(io.BytesIO(pdf)) as document:
            text = "".join(pypdfium2.PdfDocument(pdf)[i].get_textpage().get_text_range()
                           for i in range(len(document.pages)))
            assert PLACEHOLDER not in text, (worksheet.name, layout, paper)
            figures = sum(1 for page in document.pages for name in page.Resources.get("/XObject", {}).keys()
                          if "figure" in str(name))
            assert figures > 0


def _multiply(n: tuple, m: tuple) -> tuple:
    a, b, c, d, e, f = n
    return (a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
            e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5])


def _drawn(stream, matrix: tuple, forms: dict) -> list[tuple[str, float, float]]:
    """Every path point drawn, on the page, with the name of the figure form that drew it ('' if none)."""
    stack, points = [], []
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op == "q":
            stack.append(matrix)
        elif op == "Q":
            matrix = stack.pop()
        elif op == "cm":
            matrix = _multiply(tuple(float(x) for x in operands), matrix)
        elif op == "Do" and str(operands[0]) in forms:
            form = forms[str(operands[0])]
            inner = _drawn(form, matrix, {})
            points += [(str(operands[0]), x, y) for _, x, y in inner]
        elif op in ("m", "l", "c"):
            values = [float(x) for x in operands]
            for x, y in zip(values[::2], values[1::2]):
                points.append(("", matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]))
    return points


@pytest.mark.parametrize("layout", LAYOUTS)
def test_figures_lie_inside_their_boxes_and_clear_of_the_words(layout: str):
    pdf = build_bytes(ROOT / "worksheets" / "upper-back-trigger-points.yaml", layout=layout, paper="a4")
    document = pypdfium2.PdfDocument(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as parsed:
        drawn_figures = 0
        for number, page in enumerate(parsed.pages):
            forms = {str(k): v for k, v in page.Resources.get("/XObject", {}).items() if "figure" in str(k)}
            for name, form in forms.items():  # inside the box the form was made for
                x0, y0, x1, y1 = (float(v) for v in form.BBox)
                for _, x, y in _drawn(form, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), {}):
                    assert x0 - 0.01 <= x <= x1 + 0.01 and y0 - 0.01 <= y <= y1 + 0.01, (name, x, y)
            points = [p for p in _drawn(page.obj, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), forms) if p[0]]
            boxes = []
            for name in {p[0] for p in points}:
                xs, ys = [p[1] for p in points if p[0] == name], [p[2] for p in points if p[0] == name]
                boxes.append((min(xs), min(ys), max(xs), max(ys)))
            drawn_figures += len(boxes)
            for box in boxes:
                for word, text in _word_boxes(document[number]):
                    overlaps = (min(word[2], box[2]) - max(word[0], box[0]) > 0.5
                                and min(word[3], box[3]) - max(word[1], box[1]) > 0.5)  # touching is not overlapping
                    assert not overlaps or text.strip() in ("1", "2"), (layout, number + 1, text)
        assert drawn_figures >= 4


def _figure_boxes(page) -> list[tuple[float, float, float, float]]:
    return [obj.get_bounds() for obj in page.get_objects(max_depth=0) if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_FORM]


def _word_boxes(page) -> list[tuple[tuple[float, float, float, float], str]]:
    text = page.get_textpage()
    found = []
    for index in range(text.count_rects()):
        box = text.get_rect(index)
        found.append((box, text.get_text_bounded(*box)))
    return found


def test_solved_poses_rest_on_the_floor_and_keep_their_contacts():
    anatomy = read_anatomy()
    tolerance = 1.0 / PRINT_MM  # 1 mm at print size, in body heights
    for item in shipped():
        figure = item.exercise.figure
        for frame in figure.pictures():
            scene = solve(anatomy, figure, frame.pose)
            low = lowest(pieces(anatomy.body, scene.skeleton))
            assert abs(low) < tolerance, (item.id, low)
            p = scene.skeleton.points
            if "hands-on-floor" in figure.contacts:
                for side in ("left", "right"):
                    wrist = p[f"{side}_wrist"][1] - anatomy.body.arm.radii[2]
                    assert abs(wrist) < tolerance, (item.id, side, wrist)
            if "knees-on-floor" in figure.contacts:
                assert min(p["left_knee"][1], p["right_knee"][1]) - anatomy.body.leg.radii[1] < tolerance
            if scene.seat is not None:
                assert scene.seat > 0


def test_arms_and_legs_keep_their_lengths_after_solving():
    anatomy = read_anatomy()
    for item in shipped():
        figure = item.exercise.figure
        for frame in figure.pictures():
            p = solve(anatomy, figure, frame.pose).skeleton.points
            for side in ("left", "right"):
                upper = math.dist(p[f"{side}_shoulder"], p[f"{side}_elbow"])
                fore = math.dist(p[f"{side}_elbow"], p[f"{side}_wrist"])
                assert upper == pytest.approx(anatomy.body.arm.upper, abs=1e-6), item.id
                assert fore == pytest.approx(anatomy.body.arm.forearm, abs=1e-6), item.id


def _angle(a: tuple, b: tuple) -> float:
    cosine = sum(x * y for x, y in zip(a, b)) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def _column(matrix: tuple, index: int) -> tuple:
    return tuple(row[index] for row in matrix)


def test_solved_joint_angles_stay_inside_their_normal_ranges():
    """Balancing re-bends the hips and contacts re-bend the elbows: measured on the solved skeleton, each
    stays inside the range the figure block allows (hip flexion 125, extension 30; knee 160; elbow 150)."""
    anatomy = read_anatomy()
    for item in shipped():
        figure = item.exercise.figure
        for frame in figure.pictures():
            sk = solve(anatomy, figure, frame.pose).skeleton
            p, pelvis = sk.points, sk.frames["pelvis"]
            down, ahead = [-v for v in _column(pelvis, 1)], _column(pelvis, 0)
            for side in ("left", "right"):
                thigh = tuple(k - h for k, h in zip(p[f"{side}_knee"], p[f"{side}_hip"]))
                forward = sum(t * a for t, a in zip(thigh, ahead))
                hip = math.copysign(_angle(thigh, down), forward)  # flexion positive, extension negative
                assert -30.5 <= hip <= 125.5, (item.id, side, "hip", hip)
                shin = tuple(a - k for a, k in zip(p[f"{side}_ankle"], p[f"{side}_knee"]))
                assert _angle(thigh, shin) <= 160.5, (item.id, side, "knee")
                upper = tuple(e - s for e, s in zip(p[f"{side}_elbow"], p[f"{side}_shoulder"]))
                forearm = tuple(w - e for w, e in zip(p[f"{side}_wrist"], p[f"{side}_elbow"]))
                assert _angle(upper, forearm) <= 150.5, (item.id, side, "elbow")


def test_left_and_right_mirror_exactly():
    anatomy = read_anatomy()
    posture = anatomy.postures.of("standing")
    pose = Pose(left_shoulder=Shoulder(flexion=70, abduction=20), right_shoulder=Shoulder(flexion=70, abduction=20))
    points = forward(anatomy.body, posture, posture.pose.then(pose)).points
    for name, (x, y, z) in points.items():
        if name.startswith("right_"):
            mirror = points["left_" + name[len("right_"):]]
            assert mirror == (x, y, -z), name


def test_a_movement_replaces_its_opposite_from_the_posture():
    sitting = read_anatomy().postures.of("sitting").pose
    changed = sitting.then(Pose(left_shoulder=Shoulder(extension=20)))
    assert changed.left_shoulder == Shoulder(extension=20)


def test_figure_sheet_is_the_same_bytes_every_time(project: Path, run):
    first = run("figure", "cat-dog", "chin-tuck", "-o", "a.pdf")
    second = run("figure", "cat-dog", "chin-tuck", "-o", "b.pdf")
    assert first.exit_code == second.exit_code == 0, first.stderr
    assert (project / "a.pdf").read_bytes() == (project / "b.pdf").read_bytes()
    pages = pypdfium2.PdfDocument(project / "a.pdf")
    assert len(pages) == 2
    assert pages[0].get_size() == pytest.approx((50 * 72 / 25.4, 44 * 72 / 25.4), abs=0.01)  # layouts/standard.yaml


def test_figure_pngs_at_the_size_asked(project: Path, run):
    result = run("figure", "snow-angels", "--png", "pictures", "--size", "80", "--dpi", "100")
    assert result.exit_code == 0, result.stderr
    from PIL import Image

    image = Image.open(project / "pictures" / "snow-angels.png")
    assert image.width == pytest.approx(80 / 25.4 * 100, abs=1)


def test_unknown_exercise_for_figure_says_so(project: Path, run):
    result = run("figure", "cat-dgo")
    assert result.stderr == "(command line): EXERCISE: unknown exercise 'cat-dgo' (did you mean 'cat-dog'?)\n"
    assert result.exit_code == 1


def test_figure_block_is_a_figure():
    assert Figure(posture="sitting").pictures()[0].pose == Pose()
