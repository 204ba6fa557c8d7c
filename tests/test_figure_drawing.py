"""How figures are drawn: parts in depth order, a face in every view, arrows on their paths, ghosts of small
movements and a shaded area for every region name."""

from __future__ import annotations

import io
import math
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from generator.compose.figures import Ink, arrange, draw_picture
from generator.load.anatomy import read_anatomy
from generator.load.layouts import load_layout
from generator.load.library import Library
from generator.load.locate import shipped_layouts
from generator.model.anatomy import CloseUps
from generator.model.figure import (CLOSE_UPS, REGIONS, Ankle, Figure, Frame, Head, Hip, Knee, Neck, Pelvis, Pose,
                                    Shoulder, Thoracic, UpperThoracic)
from generator.model.layout import FigureStyle
from generator.model.limits import Limits
from generator.model.shading import base_names, sides
from generator.pose.areas import shades
from generator.pose.camera import camera
from generator.pose.draw import Layer, far_limbs
from generator.pose.face import face
from generator.pose.picture import picture
from generator.pose.skeleton import forward
from generator.pose.solve import solve
from generator.pose.vectors import apply

ANATOMY = read_anatomy()


def _layers(figure: Figure, panel: int = 0) -> tuple[Layer, ...]:
    return picture(ANATOMY, figure).panels[panel].layers


def _kinds(figure: Figure, panel: int = 0) -> list[str]:
    return [layer.kind for layer in _layers(figure, panel)]


def test_every_region_name_has_an_area_and_bare_names_shade_both_sides():
    assert set(ANATOMY.shading.areas) == set(base_names())
    scene = solve(ANATOMY, Figure(posture="standing"), Pose())
    eye = camera("front", 0.0, (1.0, 0.0, 0.0))
    for region in REGIONS:
        found = shades(ANATOMY.body, ANATOMY.shading, scene.skeleton, eye, [region])
        assert len(found) == len(sides(region)) and all(len(s.outline) >= 3 for s in found), region
    assert [side for _, side in sides("calf")] == ["left", "right"]
    assert sides("left-calf") == (("calf", "left"),)
    assert sides("upper-back") == (("upper-back", ""),)


def test_each_limb_is_its_own_outline_and_the_body_one():
    kinds = _kinds(Figure(posture="standing", view="front"))
    assert kinds.count("part") + kinds.count("far") == 5  # trunk with neck and head, two arms, two legs


def test_a_hand_on_the_head_is_drawn_over_the_head():
    figure = Figure(posture="sitting", view="front", props=["chair"], contacts=["right-hand-over-head"])
    kinds = _kinds(figure)
    body = kinds.index("part")  # the trunk, neck and head come first among the parts seen from the front
    assert kinds[body + 1:].count("part") >= 2  # both arms after it


def test_a_chair_back_is_behind_a_figure_seen_from_the_front_and_over_one_seen_from_behind():
    front = _kinds(Figure(posture="sitting", view="front", props=["chair"]))
    back = _kinds(Figure(posture="sitting", view="back", props=["chair"]))
    assert "front-prop" not in front and front.index("prop") < front.index("part")
    assert back.index("front-prop") > max(i for i, kind in enumerate(back) if kind in ("part", "far"))


def test_the_head_shows_which_way_it_looks():
    scene = solve(ANATOMY, Figure(posture="standing"), Pose())
    seen = {view: face(ANATOMY.body, scene.skeleton, camera(view, 0.0, (1.0, 0.0, 0.0)))
            for view in ("front", "back", "side")}
    assert len(seen["front"].dots) == 2 and seen["front"].lines
    assert len(seen["side"].dots) == 1 and seen["side"].rings and seen["side"].hair
    assert not seen["back"].dots and seen["back"].hair


def test_each_path_draws_its_arrow():
    for path, kind in (("arc", "arrow"), ("straight", "arrow"), ("circle", "arrow"),
                       ("back-and-forth", "two-way-arrow"), ("straight-back-and-forth", "two-way-arrow")):
        figure = Figure(posture="standing", frames=[
            Frame(pose=Pose(right_shoulder=Shoulder(flexion=20))),
            Frame(pose=Pose(right_shoulder=Shoulder(flexion=90)), arrow="right-hand", path=path)])
        arrows = [layer for layer in _layers(figure, 1) if layer.kind in ("arrow", "two-way-arrow")]
        assert [layer.kind for layer in arrows] == [kind], path
        assert len(arrows[0].outlines[0]) >= 2


def _bulge(line: tuple) -> float:
    """How far the arrow's line strays from the straight line between its ends, against its length."""
    (x0, y0), (x1, y1) = line[0], line[-1]
    chord = math.hypot(x1 - x0, y1 - y0)
    return max(abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / chord for x, y in line) / chord


def _arrow_line(figure: Figure) -> tuple:
    return next(layer.outlines[0] for layer in _layers(figure, 1) if layer.kind in ("arrow", "two-way-arrow"))


def test_a_twist_draws_its_arrow_round_the_body_and_a_short_turn_keeps_its_curve():
    twist = Figure(posture="sitting", view="front", turn=-20, elevation=30, props=["chair"],
                   contacts=["hands-on-opposite-shoulders", "feet-on-floor"],
                   pose=Pose(left_shoulder=Shoulder(flexion=80, horizontal_adduction=50),
                             right_shoulder=Shoulder(flexion=80, horizontal_adduction=50)),
                   frames=[Frame(), Frame(arrow="left-elbow", pose=Pose(thoracic=Thoracic(rotation=35),
                                                                        upper_thoracic=UpperThoracic(rotation=15)))])
    line = _arrow_line(twist)
    assert _bulge(line) > 0.05  # a curve round the spine, not the straight stub a sphere round the hips gave
    assert math.dist(line[0], line[-1]) > 0.06
    turn = Figure(posture="sitting", view="front", elevation=10, props=["chair"],
                  frames=[Frame(), Frame(pose=Pose(neck=Neck(rotation=40), head=Head(rotation=30)), arrow="face")])
    line = _arrow_line(turn)
    assert _bulge(line) > 0.05 and sum(math.dist(p, q) for p, q in zip(line, line[1:])) >= 0.12
    assert max(abs(x) for x, _ in line) < 0.2  # beside the head it turns, not pushed out over the page
    scene = solve(ANATOMY, turn, turn.frames[1].pose)
    face_level = apply(camera("front", 0.0, (1.0, 0.0, 0.0), 10.0), scene.skeleton.points["head"])[1]
    assert min(y for _, y in line) > face_level  # over the crown, not out of the mouth


def test_a_bend_forward_is_not_drawn_as_a_turn_round_the_spine():
    bend = Figure(posture="standing", frames=[Frame(), Frame(pose=Pose(pelvis=Pelvis(flexion=40)), arrow="chest")])
    line = _arrow_line(bend)
    end = solve(ANATOMY, bend, bend.frames[1].pose).skeleton.points["upper_thoracic"]
    tip = apply(camera("side", 0.0, (1.0, 0.0, 0.0)), end)
    assert math.dist(line[-1], tip[:2]) < 0.15  # the arc ends by the chest it follows, round the hips


def test_a_small_movement_leaves_a_ghost_of_only_the_moving_part():
    small = Figure(posture="standing", frames=[
        Frame(pose=Pose(right_shoulder=Shoulder(flexion=10))),
        Frame(pose=Pose(right_shoulder=Shoulder(flexion=16)), arrow="right-hand")])
    big = small.replace(frames=[small.frames[0], small.frames[1].replace(
        pose=Pose(right_shoulder=Shoulder(flexion=120)))])
    ghost = [layer for layer in _layers(small, 1) if layer.kind == "ghost"]
    assert len(ghost) == 1 and len(ghost[0].outlines) == 4  # the arm's four pieces, not the body
    assert "ghost" not in _kinds(small, 0) and "ghost" not in _kinds(big, 1)
    twist = Figure(posture="standing", view="front", frames=[Frame(), Frame(
        pose=Pose(thoracic=Thoracic(rotation=-35)), arrow="chest", path="back-and-forth")])
    assert "ghost" in _kinds(twist, 1)  # a turn of the trunk barely changes its outline: where it was shows it


def test_elevation_draws_the_floor_as_a_plane():
    assert "ground" in _kinds(Figure(posture="lying"))
    raised = _kinds(Figure(posture="lying", elevation=30))
    assert "ground" not in raised and raised[0] == "floor"


def test_a_close_up_frames_only_its_part_with_one_box_for_every_frame():
    pumps = Figure(posture="lying", close_up="feet", frames=[
        Frame(pose=Pose(right_ankle=Ankle(dorsiflexion=20))),
        Frame(pose=Pose(right_ankle=Ankle(plantarflexion=40)), arrow="right-foot")])
    panels = picture(ANATOMY, pumps).panels
    assert panels[0].window == panels[1].window is not None
    x0, y0, x1, y1 = panels[0].window
    eye = camera("side", 0.0, (0.0, 1.0, 0.0))
    for frame in pumps.frames:
        points = solve(ANATOMY, pumps, frame.pose).skeleton.points
        for name in ("right_ankle", "right_heel", "right_toe"):
            x, y, _ = apply(eye, points[name])
            assert x0 < x < x1 and y0 < y < y1, name
        head_x, _, _ = apply(eye, points["head"])
        assert not x0 < head_x < x1  # the head is left out
    assert picture(ANATOMY, pumps.replace(close_up=None)).panels[0].window is None


def _form_streams(resources) -> list[bytes]:
    """Every form's content under these resources, forms inside forms included."""
    found = []
    for form in (resources.get("/XObject") or {}).values():
        found.append(form.read_bytes())
        found.extend(_form_streams(form.get("/Resources") or {}))
    return found


def test_a_close_up_is_drawn_larger_and_clipped_to_its_frame(project: Path, run):
    import pikepdf

    library = project / "worksheets/exercises"
    text = (library / "ankle-pumps.yaml").read_text(encoding="utf-8")
    assert "  close_up: legs\n" in text
    (library / "ankle-pumps-whole.yaml").write_text(text.replace("  close_up: legs\n", ""), encoding="utf-8")
    assert run("figure", "ankle-pumps", "ankle-pumps-whole", "-o", "f.pdf").exit_code == 0
    with pikepdf.open(project / "f.pdf") as pdf:
        forms = [_form_streams(page.resources) for page in pdf.pages]
    assert [any(b" re W n" in form for form in page) for page in forms] == [True, False]
    found, _ = Library(project / "worksheets/exercises", Limits(root=project)).get("ankle-pumps")
    assert found is not None and found.exercise.figure is not None
    pumps = found.exercise.figure
    close, whole = (arrange(picture(ANATOMY, figure).panels, 190, 140, 8, 1) for figure in
                    (pumps, pumps.replace(close_up=None)))
    assert close.scale > 1.4 * whole.scale  # the legs drawn larger than the whole figure would be


def test_every_close_up_name_has_its_joints_in_the_body_data():
    points = forward(ANATOMY.body, ANATOMY.postures.of("standing"), Pose()).points
    for name in CLOSE_UPS:
        joints = ANATOMY.body.close_ups.of(name)
        assert joints and set(joints) <= set(points), name
    assert {field.replace("_", "-") for field in CloseUps.field_names} - {"margin"} == set(CLOSE_UPS)


def _layer(panel, kind: str):
    return [layer for layer in panel.layers if layer.kind == kind]


def test_a_mat_is_one_size_and_the_same_in_every_frame_the_pelvis_keeps_its_place():
    angels = Figure(posture="lying-knees-bent", props=["mat"], contacts=["feet-on-floor"], frames=[
        Frame(pose=Pose(left_shoulder=Shoulder(abduction=20), right_shoulder=Shoulder(abduction=20))),
        Frame(pose=Pose(left_shoulder=Shoulder(abduction=150), right_shoulder=Shoulder(abduction=150)),
              arrow="right-hand")])
    mats = [[shape.solid for shape in solve(ANATOMY, angels, frame.pose).props if shape.prop == "mat"][0]
            for frame in angels.frames]
    assert mats[0] == mats[1]
    (x0, _, z0), (x1, _, z1) = mats[0].low, mats[0].high
    assert (round(x1 - x0, 6), round(z1 - z0, 6)) == (1.1, 0.36)


def test_a_floor_seen_from_above_is_one_plane_for_both_frames_and_none_under_a_mat():
    lift = Figure(posture="standing", elevation=30, frames=[
        Frame(), Frame(pose=Pose(right_shoulder=Shoulder(abduction=90)), arrow="right-hand")])
    floors = [_layer(panel, "floor") for panel in picture(ANATOMY, lift).panels]
    assert len(floors[0]) == len(floors[1]) == 1 and floors[0][0].outlines == floors[1][0].outlines
    on_mat = lift.replace(posture="lying", props=["mat"])
    for panel in picture(ANATOMY, on_mat).panels:  # the mat's own outline, no plane round it as well
        assert len(_layer(panel, "floor")) == 1


def _far_layers(figure: Figure, panel: int) -> int:
    return _kinds(figure, panel).count("far")


def test_the_far_leg_is_the_one_behind_the_other_along_the_hips_whatever_the_camera():
    standing = Figure(posture="standing", view="side")
    scene = solve(ANATOMY, standing, Pose())
    assert far_limbs(ANATOMY, scene, camera("side", 0.0, (1.0, 0.0, 0.0))) == {"left_leg", "left_arm"}
    lying = Figure(posture="lying-knees-bent", turn=-15, elevation=65)  # looking along the body from above
    scene = solve(ANATOMY, lying, Pose())
    assert not {"left_leg", "right_leg"} & far_limbs(ANATOMY, scene, camera("side", -15.0, (1.0, 0.0, 0.0), 65.0))
    on_side = Figure(posture="side-lying-right", turn=0, elevation=35)
    scene = solve(ANATOMY, on_side, Pose(left_hip=Hip(flexion=45), right_hip=Hip(flexion=45)))
    heading = (1.0, 0.0, 0.0)
    lower = far_limbs(ANATOMY, scene, camera("side", 0.0, heading, 35.0)) & {"left_leg", "right_leg"}
    assert lower == {"right_leg"}  # lying on the right side, seen from above: the lower leg


def test_the_tint_is_decided_in_frame_1_and_kept_in_every_frame():
    clamshell = Figure(posture="side-lying-right", elevation=35, props=["pillow"], contacts=["head-on-pillow"],
                       pose=Pose(left_hip=Hip(flexion=45), right_hip=Hip(flexion=45),
                                 left_knee=Knee(flexion=90), right_knee=Knee(flexion=90)),
                       frames=[Frame(), Frame(pose=Pose(left_hip=Hip(external_rotation=45)), arrow="left-knee")])
    assert _far_layers(clamshell, 0) == _far_layers(clamshell, 1) >= 1  # the lower leg, in both frames
    arm = Figure(posture="standing", view="side", frames=[Frame(), Frame(arrow="left-hand", pose=Pose(
        left_shoulder=Shoulder(flexion=90)))])
    assert _far_layers(arm, 0) == _far_layers(arm, 1) + 1  # the far arm the arrow names: full ink where it moves


def _drawn_code(figure: Figure, style: FigureStyle) -> str:
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    layout, _, _ = load_layout(shipped_layouts() / "standard.yaml", Limits())
    assert layout is not None
    colours = layout.colours
    draw_picture(canvas, picture(ANATOMY, figure), 200.0, 150.0, style, Ink.of(style, colours), "Helvetica")
    canvas.showPage()
    canvas.save()
    return out.getvalue().decode("latin-1")


def _rgb(colour: str) -> str:
    return " ".join(f"{int(colour[i:i + 2], 16) / 255:.3f}" for i in (1, 3, 5))


def test_a_band_is_a_cord_in_the_band_colour_and_a_towel_rolled_or_not_cloth_in_the_towel_colour():
    band = Figure(posture="standing", props=["band"], contacts=["right-hand-on-band"])
    towel = Figure(posture="sitting", props=["chair", "towel"], contacts=["hands-on-towel", "feet-on-floor"])
    assert "band" in _kinds(band) and "strap" not in _kinds(band)
    assert "strap" in _kinds(towel) and "band" not in _kinds(towel)
    style = FigureStyle(band="#aa2200", towel="#0055cc")
    assert f"{_rgb('#aa2200')} RG" in _drawn_code(band, style)
    assert f"{_rgb('#0055cc')} RG" in _drawn_code(towel, style)
    assert f"{_rgb('#aa2200')} RG" not in _drawn_code(towel, style)
    rolled = Figure(posture="long-sitting", props=["towel-roll"], contacts=["right-knee-on-towel-roll"])
    assert "cloth" in _kinds(rolled) and f"{_rgb('#0055cc')} rg" in _drawn_code(rolled, style)
