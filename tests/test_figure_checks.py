"""Checks on solved figures: each turns a silently wrong drawing into one located line, and lets a correct
figure near its boundary pass. Figures are written as exercise files and checked as a user would check them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.anatomy import read_anatomy
from generator.load.library import Library
from generator.model.figure import Elbow, Figure, Frame, Neck, Pose
from generator.model.limits import Limits
from generator.pose.balance import centre_of_mass, convex_hull, nearest_in_hull
from generator.pose.checks import figure_troubles
from generator.pose.overlap import tip_troubles
from generator.pose.scene import Trouble
from generator.pose.skeleton import forward
from generator.pose.solve import solve

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Library(ROOT / "worksheets" / "exercises", Limits())
HEADER = "name: Check\nsteps:\n  - Do it.\nfigure:\n"  # the figure block starts on line 5


def problems(project: Path, run, name: str, figure: str) -> list[str]:
    """The lines `validate` prints for an exercise file holding this figure block (indented two spaces)."""
    path = project / "worksheets" / "exercises" / f"{name}.yaml"
    path.write_text(HEADER + figure, encoding="utf-8")
    result = run("validate", str(path.relative_to(project)))
    return [line for line in result.stderr.splitlines() if not line.startswith("checked ")]


def at(name: str, place: str, field: str, message: str) -> str:
    return f"worksheets/exercises/{name}.yaml:{place}: figure.{field}: {message}"


ARM = "move the right arm (right_shoulder, right_elbow) so the hand rests on the body's surface or clear of it"


def test_a_hand_inside_the_trunk(project: Path, run):
    figure = "  posture: standing\n  pose:\n    right_shoulder: {horizontal_adduction: 100}\n" \
             "    right_elbow: {flexion: 150}\n"
    assert problems(project, run, "hand-in-trunk", figure) == [
        at("hand-in-trunk", "7:5", "pose", f"the right hand is 10 cm inside the trunk; {ARM}")]


def test_a_hand_inside_the_head(project: Path, run):
    figure = "  posture: standing\n  pose:\n    right_shoulder: {flexion: 60, horizontal_adduction: 100}\n" \
             "    right_elbow: {flexion: 120}\n"
    assert problems(project, run, "hand-in-head", figure) == [
        at("hand-in-head", "7:5", "pose", f"the right hand is 5 cm inside the head; {ARM}")]


@pytest.mark.parametrize("contacts", ["[hands-behind-head]", "[hands-on-opposite-shoulders]",
                                      "[right-hand-behind-head]"])
def test_hands_resting_on_the_body_pass(project: Path, run, contacts: str):
    assert problems(project, run, "hands-on-body", f"  posture: standing\n  contacts: {contacts}\n") == []


def test_hands_through_the_chair_seat(project: Path, run):
    """Arms hanging straight from a sitter's shoulders reach down through the seat beside the thighs."""
    side = "move the {0} arm ({0}_shoulder, {0}_elbow) so it rests on the chair or clear of it"
    figure = "  posture: sitting\n  props: [chair]\n  pose:\n" + "".join(
        f"    {side}_shoulder: {{flexion: 0}}\n    {side}_elbow: {{flexion: 0}}\n" for side in ("left", "right"))
    assert problems(project, run, "hands-in-seat", figure) == [
        at("hands-in-seat", "8:5", "pose", f"the left hand passes through the chair; {side.format('left')}"),
        at("hands-in-seat", "8:5", "pose", f"the right hand passes through the chair; {side.format('right')}")]


def test_hands_on_the_thighs_pass(project: Path, run):
    figure = "  posture: sitting\n  props: [chair]\n  pose:\n" + "".join(
        f"    {side}_shoulder: {{flexion: 10}}\n    {side}_elbow: {{flexion: 60}}\n" for side in ("left", "right"))
    assert problems(project, run, "hands-on-thighs", figure) == []


def test_a_hand_a_contact_puts_through_a_prop_is_told_at_the_contact(project: Path, run):
    """A hand reaching back from the seat is put down on the chair's back at a standing chair's height, inside
    the sitter's taller back rest; a hand on the seat holds its side, so it cannot go through."""
    figure = "  posture: sitting\n  props: [chair]\n  contacts: [right-hand-on-chair-back]\n  pose:\n" \
             "    left_shoulder: {flexion: 10}\n    left_elbow: {flexion: 60}\n" \
             "    right_shoulder: {extension: 20}\n    right_elbow: {flexion: 20}\n"
    assert problems(project, run, "hand-on-back", figure) == [
        at("hand-on-back", "7:14", "contacts[0]", "the right hand passes through the chair; "
                                                  "'right-hand-on-chair-back' puts it there: change the pose it "
                                                  "starts from, or leave the contact out")]


HINT = "or add a support such as 'hands-on-chair-back'"


def test_a_figure_leaning_forward_off_its_feet(project: Path, run):
    figure = "  posture: standing\n  pose:\n    pelvis: {flexion: 16}\n"
    assert problems(project, run, "lean-forward", figure) == [
        at("lean-forward", "7:5", "pose", "the figure would fall forward: its weight is 7 cm ahead of its feet; "
                                          f"lean less forward (pelvis or hip flexion) {HINT}")]


def test_a_figure_leaning_backward_off_its_feet(project: Path, run):
    figure = "  posture: standing\n  pose:\n    pelvis: {extension: 10}\n"
    assert problems(project, run, "lean-back", figure) == [
        at("lean-back", "7:5", "pose", "the figure would fall backward: its weight is 11 cm behind its feet; "
                                       f"lean less backward (pelvis extension) {HINT}")]


@pytest.mark.parametrize("pose", ["pelvis: {flexion: 13}",
                                  "{pelvis: {flexion: 90}, left_hip: {flexion: 90}, right_hip: {flexion: 90}}"])
def test_a_lean_still_over_the_feet_passes(project: Path, run, pose: str):
    figure = f"  posture: standing\n  pose: {pose}\n" if pose.startswith("{") else \
        f"  posture: standing\n  pose:\n    {pose}\n"
    assert problems(project, run, "lean-a-little", figure) == []


def test_two_frames_too_alike(project: Path, run):
    figure = "  posture: standing\n  frames:\n    - pose: {neck: {flexion: 5}}\n    - pose: {neck: {flexion: 15}}\n"
    assert problems(project, run, "alike", figure) == [
        at("alike", "8:7", "frames[1]", "frame 2 moves no part of the body more than 3.2 cm (the head moves most), "
                                        "too little to see in print; make the movement at least 6 cm (a bigger "
                                        "angle), or draw one picture with an arrow")]


def test_two_frames_told_apart_pass(project: Path, run):
    figure = "  posture: standing\n  frames:\n    - pose: {neck: {flexion: 5}}\n    - pose: {neck: {flexion: 25}}\n"
    assert problems(project, run, "apart", figure) == []


def test_a_dont_frame_between_is_not_compared():
    figure = Figure(posture="standing", frames=[Frame(pose=Pose(neck=Neck(flexion=5))),
                                                Frame(pose=Pose(neck=Neck(flexion=40)), dont=True),
                                                Frame(pose=Pose(neck=Neck(flexion=10)))])
    anatomy = read_anatomy()
    frames = figure.pictures()
    scenes = [solve(anatomy, figure.framed(frame), frame.pose) for frame in frames]
    assert [t.field for t in figure_troubles(anatomy, figure, frames, scenes)] == [("frames", 2)]


def test_standing_weight_lies_between_the_feet_at_about_pelvis_height():
    anatomy = read_anatomy()
    sk = forward(anatomy.body, anatomy.postures.of("standing"), Pose())
    weight = centre_of_mass(anatomy, sk)
    assert abs(weight[2]) < 1e-9 and abs(weight[0]) < 0.02
    assert 0.0 < weight[1] - sk.points["pelvis"][1] < 0.1  # a little above the hip joints, as Winter's 55 %


def test_the_support_hull_and_the_nearest_point_in_it():
    square = convex_hull([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.5, 0.5), (1.0, 0.0)])
    assert sorted(square) == [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    assert nearest_in_hull(square, (0.5, 0.25)) == (0.5, 0.25)
    assert nearest_in_hull(square, (2.0, 0.5)) == (1.0, 0.5)
    assert nearest_in_hull(convex_hull([(0.0, 0.0), (0.0, 1.0)]), (1.0, 2.0)) == (0.0, 1.0)
    assert nearest_in_hull(convex_hull([(3.0, 4.0)]), (0.0, 0.0)) == (3.0, 4.0)


def test_the_suggested_support_is_a_contact_the_model_accepts():
    from generator.pose.balance import HELD
    assert Figure(posture="standing", contacts=[HELD]).contacts == [HELD]


@pytest.mark.parametrize("exercise", LIBRARY.ids())
def test_every_shipped_figure_passes_every_check(exercise: str):
    found, _ = LIBRARY.get(exercise)
    if found is None or found.exercise.figure is None:
        pytest.skip("no figure")
    figure, anatomy = found.exercise.figure, LIBRARY.poser.anatomy
    frames = figure.pictures()
    scenes = [solve(anatomy, figure.framed(frame), frame.pose) for frame in frames]
    assert [t.message for t in figure_troubles(anatomy, figure, frames, scenes)] == []


def test_a_leg_through_the_chair_seat(project: Path, run):
    arms = "".join(f"    {side}_shoulder: {{flexion: 10}}\n    {side}_elbow: {{flexion: 60}}\n" for side in ("left", "right"))
    figure = "  posture: sitting\n  props: [chair]\n  pose:\n" + arms + "    right_hip: {flexion: 60}\n"
    assert problems(project, run, "leg-in-seat", figure) == [
        at("leg-in-seat", "8:5", "pose", "the right leg passes through the chair; move the right leg (right_hip, "
                                         "right_knee) so it rests on the chair or clear of it")]


def test_a_foot_inside_the_trunk():
    anatomy = read_anatomy()
    sk = forward(anatomy.body, anatomy.postures.of("standing"), Pose())
    sk = sk.with_points(left_toe=sk.points["thoracic"])
    assert tip_troubles(anatomy.body, sk, {}, ("pose",)) == [
        Trouble(("pose",), "the left foot is 12 cm inside the trunk; move the left leg (left_hip, left_knee) so the "
                           "foot rests on the body's surface or clear of it")]


def test_a_contact_a_frame_gives_itself_is_reported_at_that_frame(project: Path, run):
    figure = ("  posture: lying\n  props: [foam-roller]\n  frames:\n"
              "    - contacts: [back-on-roller, feet-on-floor, hands-on-opposite-shoulders]\n"
              "    - contacts: [upper-back-on-roller, feet-on-floor, right-hand-on-seat]\n")
    assert problems(project, run, "frame-contacts", figure) == [
        at("frame-contacts", "9:55", "frames[1].contacts[2]",
           "'right-hand-on-seat' needs a seat: use the sitting posture")]


def test_frames_with_their_own_contacts_roll_the_body_over_a_roller_that_stays_put():
    rolled = LIBRARY.get("foam-roll-upper-back")[0]
    assert rolled is not None and rolled.exercise.figure is not None
    figure, anatomy = rolled.exercise.figure, read_anatomy()
    scenes = [solve(anatomy, figure.framed(frame), frame.pose) for frame in figure.pictures()]
    rollers = [next(shape.solid for shape in scene.props if shape.prop == "foam-roller") for scene in scenes]
    assert rollers[0].start == pytest.approx(rollers[1].start)  # the same place on the floor
    pelvis = [scene.skeleton.points["pelvis"][0] for scene in scenes]
    assert abs(pelvis[1] - pelvis[0]) > 0.05  # the body has rolled along it, about 9 cm
    assert all(scene.troubles == () for scene in scenes)


def test_a_band_held_in_one_hand_runs_from_that_hand_alone_to_its_post():
    figure = Figure(posture="standing", props=["band", "post"], contacts=["right-hand-on-band"],
                    pose=Pose(right_elbow=Elbow(flexion=90)))
    scene = solve(read_anatomy(), figure, Pose())
    bands = [shape.solid for shape in scene.props if shape.prop == "band"]
    hand = scene.skeleton.points["right_wrist"]
    assert len(bands) == 1 and bands[0].points[0] == hand and len(bands[0].points) == 2
    assert bands[0].points[1][1] == pytest.approx(hand[1])  # level with the hand, tied to the post ahead
    assert [shape.prop for shape in scene.props].count("post") == 1
    assert scene.troubles == ()  # the hand is held where the elbow puts it, not pinned to the floor


def test_a_contact_on_a_prop_the_figure_does_not_draw(project: Path, run):
    figure = "  posture: standing\n  contacts: [feet-on-floor, hands-on-wall]\n"
    assert problems(project, run, "no-wall", figure) == [
        at("no-wall", "6:29", "contacts[1]", "'hands-on-wall' rests on the wall: add 'wall' to props")]
