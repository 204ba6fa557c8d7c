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
from generator.model.figure import Elbow, Figure, Hip, Neck, Pelvis, Pose, Shoulder, Thoracic
from generator.model.limits import Limits
from generator.pose.skeleton import forward
from generator.pose.parts import part_pieces
from generator.pose.scene import Rod
from generator.pose.solve import solve
from generator.pose.surface import lowest, pieces

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Library(ROOT / "worksheets" / "exercises", Limits())
WORKSHEETS = sorted((ROOT / "worksheets").glob("*.yaml")) + sorted((ROOT / "worksheets" / "es").glob("*.yaml"))
LAYOUTS = ["standard", "compact", "large-print", "one-per-page"]
PLACEHOLDER = "Draw or paste a picture"
PRINT_MM = 35.0  # the height a standing figure prints at in the standard box, about


def shipped() -> list:
    """The shipped exercises that have a figure (those added without one are being posed)."""
    return [item for item in LIBRARY.everything() if item.exercise.figure is not None]


def test_every_shipped_figure_solves_with_no_trouble():
    """The solver's own troubles: contacts met, parts resting, no angle overridden (generator/pose/checks.py
    has its own tests)."""
    anatomy = read_anatomy()
    assert len(shipped()) >= 24
    for item in shipped():
        figure = item.exercise.figure
        for frame in figure.pictures():
            assert solve(anatomy, figure.framed(frame), frame.pose).troubles == (), item.id


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
            scene = solve(anatomy, figure.framed(frame), frame.pose)
            low = lowest(pieces(anatomy.body, scene.skeleton))
            # on the floor, or on the step every foot stands on
            ground = anatomy.body.props.step.height if "feet-on-step" in figure.framed(frame).contacts else 0.0
            assert abs(low - ground) < tolerance, (item.id, low)
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
            p = solve(anatomy, figure.framed(frame), frame.pose).skeleton.points
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
            sk = solve(anatomy, figure.framed(frame), frame.pose).skeleton
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
    # layouts/standard.yaml: two frames of 32 mm with the 3 mm gap between them, 50 mm high, as on a card
    assert pages[0].get_size() == pytest.approx((67 * 72 / 25.4, 50 * 72 / 25.4), abs=0.01)


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


# A small exercise whose figure block the tests below write; its figure starts on line 7.
EXERCISE = """name: Test
summary: A test figure.
steps: [Do it.]
dosage: {reps: 1}
tags: [test]
position: any
figure:
"""


def _load(tmp_path: Path, block: str):
    """The exercise's figure through the real loader, and every problem with its file:line:column."""
    from generator.load.library import solve_figure
    from generator.load.source import Origin
    from generator.load.validate import load_and_check
    from generator.model import Exercise

    path = tmp_path / "test.yaml"
    path.write_text(EXERCISE + block)
    exercise, doc, problems = load_and_check(path, Exercise, Limits(root=tmp_path))
    if exercise is None:
        return None, [str(problem) for problem in problems]
    _, solved = solve_figure(exercise, Origin(doc=doc), LIBRARY.poser)
    return exercise.figure, [str(problem) for problem in solved]


def _solved(posture: str, contacts: list[str], props: list[str], pose: Pose = Pose()):
    figure = Figure(posture=posture, contacts=contacts, props=props, pose=pose)
    return solve(read_anatomy(), figure, Pose())


LEAN = Pose(pelvis=Pelvis(flexion=30), left_hip=Hip(flexion=120), right_hip=Hip(flexion=120))
REACH = Pose(left_shoulder=Shoulder(flexion=60), right_shoulder=Shoulder(flexion=60))
CONTACT_FORMS = [  # posture, contacts, props, pose
    ("quadruped", ["left-hand-on-floor", "right-hand-on-floor", "knees-on-floor"], ["mat"], Pose()),
    ("standing", ["right-heel-on-step"], ["step"], Pose(right_hip=Hip(flexion=35))),
    ("standing", ["toes-on-step"], ["step"], Pose()),
    ("lying-knees-bent", ["feet-on-floor", "upper-back-on-floor"], ["mat"],
     Pose(pelvis=Pelvis(extension=25), neck=Neck(flexion=30), thoracic=Thoracic(flexion=10))),
    ("standing", ["hands-on-chair-back"], ["chair"], REACH),
    ("standing", ["hands-on-table"], ["table"], REACH),
    ("sitting", ["left-hand-on-right-thigh"], ["chair"], Pose()),
    ("sitting", ["hands-on-knees"], ["chair"], LEAN),
    ("standing", ["right-hand-behind-head"], [], Pose()),
    ("standing", ["hands-on-hips"], [], Pose()),
    ("sitting", ["hands-on-chest"], ["chair"], Pose()),
    ("sitting", ["hands-on-opposite-shoulders"], ["chair"], Pose()),
    ("lying", ["back-on-floor"], ["mat"], Pose()),
    ("lying", ["back-on-bed", "head-on-pillow"], ["bed", "pillow"], Pose()),
    ("lying", ["head-on-towel-roll"], ["towel-roll"], Pose()),
    ("sitting", ["pelvis-on-exercise-ball", "hands-on-knees"], ["exercise-ball"], LEAN),
    ("standing", ["back-on-wall"], ["wall"], Pose()),
    ("standing", ["hands-on-wall"], ["wall"], Pose(left_shoulder=Shoulder(flexion=90), right_shoulder=Shoulder(flexion=90))),
    ("standing", ["forearms-on-door-frame"], ["door-frame"],
     Pose(left_shoulder=Shoulder(abduction=90, external_rotation=90), left_elbow=Elbow(flexion=90),
          right_shoulder=Shoulder(abduction=90, external_rotation=90), right_elbow=Elbow(flexion=90))),
    ("standing", ["left-forearm-on-wall"], ["wall"], Pose(left_shoulder=Shoulder(abduction=90), left_elbow=Elbow(flexion=90))),
    ("standing", ["feet-on-band"], ["band"], Pose()),
    ("standing", ["upper-back-on-exercise-ball"], ["exercise-ball", "wall"], Pose()),
    ("standing-one-leg", [], ["weight"], Pose()),
    ("standing", [], ["band", "door-frame"], REACH),
    ("side-lying-left", [], [], Pose()),
]


@pytest.mark.parametrize("posture, contacts, props, pose", CONTACT_FORMS)
def test_every_contact_form_solves(posture: str, contacts: list[str], props: list[str], pose: Pose):
    scene = _solved(posture, contacts, props, pose)
    assert scene.troubles == ()
    assert {shape.prop for shape in scene.props} == set(props)


def test_every_shipped_contact_name_still_reads():
    from generator.model.contact import read_contact

    for item in shipped():
        for contact in item.exercise.figure.contacts:
            read_contact(contact)


@pytest.mark.parametrize("contact, message", [
    ("hnads-on-floor", "'hnads-on-floor': unknown body part 'hnads'; expected one of hand, hands, forearm, forearms, "
                       "elbow, elbows, foot, feet, heel, heels, toes, knee, knees, hip, hips, pelvis, back, upper-back, "
                       "lower-back, head (did you mean 'hands'?)"),
    ("hand-on-floor", "'hand-on-floor': say which hand: add left- or right-, or use 'hands' for both"),
    ("left-hands-on-floor", "'left-hands-on-floor': 'left-hands' gives a side to both hands; write 'left-hand' for "
                            "one or 'hands' for both"),
    ("left-pelvis-on-floor", "'left-pelvis-on-floor': the pelvis has no side; leave out 'left-'"),
    ("hands-in-floor", "'hands-in-floor': unknown relation 'in'; expected one of on, behind, over, against"),
    ("feet-behind-floor", "'feet-behind-floor': 'behind' is for a hand on the head; use 'on' or 'against'"),
])
def test_a_contact_that_does_not_read_is_one_located_line(tmp_path: Path, contact: str, message: str):
    _, problems = _load(tmp_path, f"  posture: standing\n  contacts: [hands-on-floor, {contact}]\n")
    assert problems == [f"test.yaml:9:30: figure.contacts[1]: {message}"]


def test_an_unknown_target_names_the_surfaces_and_body_parts(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: standing\n  contacts: [hands-on-flor]\n")
    assert problems == ["test.yaml:9:14: figure.contacts[0]: 'hands-on-flor': unknown target 'flor'; expected a "
                        "surface (floor, seat, chair-back, wall, step, table, bed, ball, exercise-ball, medicine-ball, "
                        "roller, pillow, towel, towel-roll, post, door-frame, band) or a body part (thigh, thighs, knee, "
                        "knees, head, shoulder, shoulders, chest, hip, hips, shin, shins), which may follow left-, right- "
                        "or opposite- (did you mean 'floor'?)"]


def test_a_bridge_with_its_feet_floating_is_an_error(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: lying-knees-bent\n  contacts: [upper-back-on-floor]\n  pose:\n"
                                  "    pelvis: {extension: 25}\n    neck: {flexion: 30}\n")
    assert problems == ["test.yaml:8:12: figure.posture: the legs float 20 cm above the floor after solving; change "
                        "the pose so they rest on it, or leave this contact out"]


def test_a_part_that_cannot_rest_on_its_surface_says_by_how_much(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: standing\n  contacts: [knees-on-floor]\n")
    assert problems == ["test.yaml:9:14: figure.contacts[0]: the knees float 29 cm above the floor after solving; "
                        "change the pose so they rest on it, or leave this contact out"]


def test_a_raised_hand_is_never_pinned_to_the_floor(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: standing\n  contacts: [left-hand-on-floor]\n  pose:\n"
                                  "    left_shoulder: {flexion: 170}\n")
    assert problems == ["test.yaml:9:14: figure.contacts[0]: the left hand is raised above the shoulder in this pose; "
                        "'left-hand-on-floor' would pin it to the floor: lower the arm toward it, or leave this "
                        "contact out"]


def test_a_contact_that_cannot_be_met_says_how_far_short(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: standing\n  contacts: [hands-on-floor]\n")
    assert problems == ["test.yaml:9:14: figure.contacts[0]: the hands cannot reach for 'hands-on-floor' (79 cm short); "
                        "change the pose so they are closer, or leave this contact out"]


def test_angles_a_contact_overrides_are_a_warning_at_the_joint(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: sitting\n  props: [chair]\n  contacts: [left-hand-on-seat]\n  pose:\n"
                                  "    left_shoulder: {flexion: 45}\n")
    assert problems == ["test.yaml:12:20: warning: figure.pose.left_shoulder: the contact 'left-hand-on-seat' moves the left "
                        "arm away from the angles given here; leave them out or change the contact"]


def test_a_part_pushed_through_the_floor_lifting_the_body_is_an_error(tmp_path: Path):
    _, problems = _load(tmp_path, "  posture: lying-knees-bent\n  contacts: [feet-on-floor, upper-back-on-floor]\n"
                                  "  pose:\n    pelvis: {extension: 30}\n")
    assert problems == ["test.yaml:11:5: figure.pose: the head reaches 7 cm below the floor, lifting the body off "
                        "what it rests on; bend it up clear of the floor"]


def _box(scene, prop: str):
    return [shape.solid for shape in scene.props if shape.prop == prop]


def test_a_step_lies_under_the_heel_on_it():
    anatomy = read_anatomy()
    scene = _solved("standing", ["right-heel-on-step"], ["step"], Pose(right_hip=Hip(flexion=35)))
    step, heel = _box(scene, "step")[0], scene.skeleton.points["right_heel"]
    assert step.high[1] == pytest.approx(anatomy.body.props.step.height)  # 18 cm
    assert heel[1] - anatomy.body.leg.radii[4] == pytest.approx(step.high[1], abs=1e-6)
    assert step.low[0] < heel[0] < step.high[0] and step.low[2] < heel[2] < step.high[2]
    assert lowest(pieces(anatomy.body, scene.skeleton)) == pytest.approx(0.0, abs=1e-6)  # the other foot


def test_a_figure_with_both_feet_on_a_step_stands_on_it():
    scene = _solved("standing", ["feet-on-step"], ["step"])
    step = _box(scene, "step")[0]
    low = lowest(pieces(read_anatomy().body, scene.skeleton))
    assert low == pytest.approx(step.high[1])


def test_a_table_top_lies_under_the_hands():
    anatomy = read_anatomy()
    scene = _solved("standing", ["hands-on-table"], ["table"], REACH)
    top = max(_box(scene, "table"), key=lambda box: box.high[1])
    assert top.high[1] == pytest.approx(anatomy.body.props.table.height)  # 90 cm
    for side in ("left", "right"):
        wrist = scene.skeleton.points[f"{side}_wrist"]
        assert wrist[1] - anatomy.body.arm.radii[2] == pytest.approx(top.high[1], abs=0.003)
        assert top.low[0] < wrist[0] < top.high[0] and top.low[2] < wrist[2] < top.high[2]


def test_an_exercise_ball_stands_on_the_floor_under_the_pelvis_and_the_feet_stay_down():
    anatomy = read_anatomy()
    scene = _solved("sitting", ["pelvis-on-exercise-ball", "hands-on-knees"], ["exercise-ball"], LEAN)
    ball = _box(scene, "exercise-ball")[0]
    assert ball.radius * 170 == pytest.approx(32.3)  # a 65 cm ball
    assert ball.centre[1] == ball.radius
    pelvis = part_pieces(anatomy.body, scene.skeleton, "pelvis", ())
    assert lowest(pelvis) == pytest.approx(2 * ball.radius, abs=1e-6)
    legs = [p for p in pieces(anatomy.body, scene.skeleton) if p.part.endswith("_leg")]
    assert lowest(legs) == pytest.approx(0.0, abs=0.01)


def test_a_wall_touches_the_back_against_it():
    scene = _solved("standing", ["back-on-wall"], ["wall"])
    wall, anatomy = _box(scene, "wall")[0], read_anatomy()
    back = min(p.start[0] - p.size0[1] for p in part_pieces(anatomy.body, scene.skeleton, "back", ()))
    assert wall.high[0] == pytest.approx(back, abs=0.01) and wall.high[0] <= back + 1e-9


DOORWAY = Pose(left_shoulder=Shoulder(abduction=90, external_rotation=90), left_elbow=Elbow(flexion=90),
               right_shoulder=Shoulder(abduction=90, external_rotation=90), right_elbow=Elbow(flexion=90))


def test_a_door_frames_jambs_touch_the_forearms_held_out_to_the_sides():
    scene = _solved("standing", ["forearms-on-door-frame"], ["door-frame"], DOORWAY)
    anatomy, jambs = read_anatomy(), _box(scene, "door-frame")[:2]
    for side in ("left", "right"):
        wrist = scene.skeleton.points[f"{side}_wrist"]
        jamb = next(box for box in jambs if (box.low[2] + box.high[2]) * wrist[2] > 0)  # the jamb on its side
        forearm = part_pieces(anatomy.body, scene.skeleton, "forearm", (side,))
        front = max(end[0] + radius for piece in forearm
                    for end, radius in ((piece.start, piece.r0 or piece.size0[1]), (piece.end, piece.r1 or piece.size1[1])))
        assert jamb.low[0] == pytest.approx(front, abs=1e-6)  # the doorway's plane at the forearm's front
        assert jamb.low[2] < wrist[2] < jamb.high[2] and jamb.low[1] < wrist[1] < jamb.high[1]


def test_a_band_runs_under_the_feet_with_feet_on_band():
    scene = _solved("standing", ["feet-on-band"], ["band"])
    band = _box(scene, "band")[0]
    assert band.points[0] == scene.skeleton.points["left_wrist"] and band.points[-1] == scene.skeleton.points["right_wrist"]
    assert all(point[1] < 0.01 for point in band.points[1:-1])


def test_a_weight_is_held_in_each_free_hand():
    scene = _solved("sitting", ["left-hand-on-right-thigh"], ["weight"])
    handles = [solid for solid in _box(scene, "weight") if isinstance(solid, Rod)]
    assert len(handles) == 1
    grip = [(a + b) / 2 for a, b in zip(handles[0].start, handles[0].end)]
    assert math.dist(grip, scene.skeleton.points["right_wrist"]) < 0.05


def test_side_lying_lies_on_the_right_and_side_lying_left_on_the_left():
    anatomy = read_anatomy()
    for posture, down in (("side-lying", "right"), ("side-lying-right", "right"), ("side-lying-left", "left")):
        p = _solved(posture, [], []).skeleton.points
        up = "left" if down == "right" else "right"
        assert p[f"{down}_shoulder"][1] < p[f"{up}_shoulder"][1], posture
    assert anatomy.postures.side_lying == anatomy.postures.side_lying_right


def test_standing_one_leg_stands_on_the_left_foot():
    p = _solved("standing-one-leg", [], []).skeleton.points
    assert p["left_heel"][1] < p["right_heel"][1] - 0.1


def test_lying_knees_bent_rests_its_feet_flat_on_the_floor():
    anatomy = read_anatomy()
    scene = _solved("lying-knees-bent", [], [])
    for side in ("left", "right"):
        p = scene.skeleton.points
        assert p[f"{side}_heel"][1] - anatomy.body.leg.radii[4] == pytest.approx(0.0, abs=0.005)
        assert p[f"{side}_toe"][1] - anatomy.body.leg.radii[5] == pytest.approx(0.0, abs=0.005)


def test_postures_are_the_positions():
    from generator.model.choices import POSITIONS, POSTURES

    assert POSITIONS == (*POSTURES, "any")


def test_balancing_builds_few_bodies(monkeypatch):
    """The hands-and-knees balance builds each 5 degree step once and closes in a few false-position steps."""
    import generator.pose.solve as solving

    built = []
    real = solving.forward
    monkeypatch.setattr(solving, "forward", lambda *args: built.append(1) or real(*args))
    _solved("quadruped", ["hands-on-floor", "knees-on-floor"], [])
    assert len(built) <= 16  # 1 as posed, 2 to 4 grid steps, up to 12 closing in (was 37 halving)


def test_a_towel_runs_from_hands_the_pose_places_and_shows_past_each_fist():
    raised = Pose(left_shoulder=Shoulder(flexion=140), right_shoulder=Shoulder(flexion=140))
    posed = _solved("lying-knees-bent", ["feet-on-floor"], ["mat"], raised).skeleton.points
    held = _solved("lying-knees-bent", ["hands-on-towel", "feet-on-floor"], ["mat", "towel"], raised)
    for side in ("left", "right"):
        assert math.dist(held.skeleton.points[f"{side}_wrist"], posed[f"{side}_wrist"]) < 0.005
    towel = _box(held, "towel")[0]
    for end, side in ((towel.points[0], "left"), (towel.points[-1], "right")):
        assert math.dist(end, held.skeleton.points[f"{side}_hand"]) == pytest.approx(0.025, abs=1e-6)
        assert math.dist(end, held.skeleton.points[f"{side}_wrist"]) > 0.025


def test_a_towel_with_no_arm_angles_holds_the_hands_before_the_chest():
    held = _solved("sitting", ["hands-on-towel"], ["chair", "towel"]).skeleton.points
    hanging = _solved("sitting", [], ["chair"]).skeleton.points
    assert math.dist(held["left_wrist"], hanging["left_wrist"]) > 0.1


def test_a_medicine_ball_goes_where_the_posed_arms_point_else_before_the_chest():
    ahead = Pose(left_shoulder=Shoulder(flexion=90), right_shoulder=Shoulder(flexion=90))
    raised = _solved("standing", ["hands-on-medicine-ball"], ["medicine-ball"], ahead)
    ball = _box(raised, "medicine-ball")[0]
    shoulder = raised.skeleton.points["right_shoulder"]
    assert abs(ball.centre[1] - shoulder[1]) < 0.08 and ball.centre[0] - shoulder[0] > 0.25  # at chest height, ahead
    assert raised.troubles == ()
    held = _box(_solved("standing", ["hands-on-medicine-ball"], ["medicine-ball"]), "medicine-ball")[0]
    assert held.centre[1] < shoulder[1] - 0.1
