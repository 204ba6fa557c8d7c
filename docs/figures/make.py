"""Draws docs/figures/postures.png (every base posture), docs/figures/movements.png (every joint's
movements, start and end), docs/figures/gallery.png (every shipped exercise's figure), docs/figures/shading.png
(every shaded area) and docs/figures/props.png (every prop, as the first shipped exercise using it draws it),
through the same `worksheet figure` command a user runs.

Run from the project folder: python docs/figures/make.py
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import get_args, get_type_hints

import yaml
from PIL import Image, ImageDraw

from generator.model.figure import POSTURES, PROPS, REGIONS, Degrees, Pose
from generator.model.shading import base_names

HERE = Path(__file__).parent
EXERCISES = HERE.parent.parent / "worksheets" / "exercises"

UNSHIPPED_PROPS = {  # props no shipped exercise uses yet, posed as an exercise would use them
    "bar": {"posture": "standing", "props": ["bar"],
            "pose": {"left_shoulder": {"flexion": 80}, "right_shoulder": {"flexion": 80}}},
    "exercise-ball": {"posture": "sitting", "props": ["exercise-ball"], "contacts": ["pelvis-on-exercise-ball"]},
    "bed": {"posture": "lying", "view": "side", "turn": 15, "props": ["bed"], "contacts": ["back-on-bed"]},
}
POSTURE_VIEWS = {"side-lying": ("top", 90), "lying": ("side", 10), "lying-face-down": ("side", 10)}

# How each joint is best seen moving: the posture, the start pose, the arrowed part, and a view per movement.
SHOWN = {
    "pelvis": ("standing", {}, "chest", {"side_bend": "back", "rotation": "front"}),
    "lumbar": ("sitting", {}, "chest", {"side_bend": "back", "rotation": "front"}),
    "thoracic": ("sitting", {}, "chest", {"side_bend": "back", "rotation": "front"}),
    "upper_thoracic": ("sitting", {}, "head", {"side_bend": "back", "rotation": "front"}),
    "neck": ("sitting", {}, "face", {"side_bend": "back", "rotation": "front"}),
    "head": ("sitting", {}, "face", {"side_bend": "back", "rotation": "front"}),
    "right_scapula": ("standing", {}, "right-elbow", {"elevation": "back", "depression": "back"}),
    "right_shoulder": ("standing", {}, "right-hand", {
        "abduction": "front", "adduction": "front", "horizontal_adduction": "top", "horizontal_abduction": "top",
        "internal_rotation": "front", "external_rotation": "front"}),
    "right_elbow": ("standing", {"right_shoulder": {"flexion": 30}}, "right-hand", {}),
    "right_wrist": ("standing", {"right_shoulder": {"flexion": 80}}, "right-hand", {}),
    "right_hip": ("standing", {}, "right-foot", {
        "abduction": "front", "adduction": "front", "internal_rotation": "front", "external_rotation": "front"}),
    "right_knee": ("standing", {}, "right-foot", {}),
    "right_ankle": ("sitting", {"right_knee": {"flexion": 60}}, "right-foot", {}),
}
COMPANIONS = {  # the pelvis leans the whole body: the hips keep the legs where they stand
    ("pelvis", "flexion"): {"left_hip": {"flexion": 45}, "right_hip": {"flexion": 45}},
    ("pelvis", "extension"): {"left_hip": {"extension": 20}, "right_hip": {"extension": 20}},
    ("pelvis", "side_bend"): {"left_hip": {"adduction": 20}, "right_hip": {"abduction": 20}},
    ("pelvis", "rotation"): {"left_hip": {"external_rotation": 30}, "right_hip": {"internal_rotation": 30}},
}
ANGLES = {("pelvis", "flexion"): 45, ("pelvis", "extension"): 20, ("pelvis", "side_bend"): 20,
          ("pelvis", "rotation"): 30}
STARTS = {  # a movement that only reads from a particular start
    ("right_shoulder", "horizontal_adduction"): {"right_shoulder": {"abduction": 90}},
    ("right_shoulder", "horizontal_abduction"): {"right_shoulder": {"abduction": 90}},
    ("right_shoulder", "internal_rotation"): {"right_elbow": {"flexion": 90}},
    ("right_shoulder", "external_rotation"): {"right_elbow": {"flexion": 90}},
    ("right_shoulder", "adduction"): {"right_shoulder": {"flexion": 30}},
    ("right_hip", "adduction"): {"right_hip": {"flexion": 20}},
    ("right_hip", "internal_rotation"): {"right_hip": {"flexion": 90}, "right_knee": {"flexion": 90}},
    ("right_hip", "external_rotation"): {"right_hip": {"flexion": 90}, "right_knee": {"flexion": 90}},
}


# What a movement needs round it to pass the checks: the hands kept on the thighs as the back rounds over a
# seat, a chair back to hold while one leg moves.
HELD = {"hands-on-thighs": {"contacts": ["hands-on-thighs"]},
        "chair-back": {"props": ["chair"], "contacts": ["left-hand-on-chair-back"],  # as single-leg-balance holds it
                       "pose": {"left_shoulder": {"abduction": 35}, "left_hip": {"adduction": 6}}},
        "right-chair-back": {"props": ["chair"], "contacts": ["right-hand-on-chair-back"],  # the leg crosses left
                             "pose": {"right_shoulder": {"abduction": 55}, "left_hip": {"adduction": 6}}}}
NEEDS = {("lumbar", "flexion"): "hands-on-thighs", ("thoracic", "flexion"): "hands-on-thighs",
         **{("right_hip", m): "chair-back" for m in ("flexion", "extension", "abduction", "internal_rotation",
                                                     "external_rotation")},
         ("right_hip", "adduction"): "right-chair-back",
         ("right_knee", "flexion"): "chair-back"}
# Movements too small for two frames to differ visibly at print size: one picture with an arrow, as the
# checks advise.
ONE_PICTURE = {("neck", "rotation"), ("head", "flexion"), ("head", "extension"), ("head", "side_bend"),
               ("head", "rotation"), ("right_scapula", "protraction"), ("right_scapula", "retraction"),
               ("right_scapula", "elevation"), ("right_scapula", "depression"), ("right_elbow", "extension"),
               ("right_ankle", "dorsiflexion"), ("right_ankle", "plantarflexion")}


def movements(joint: str) -> list[tuple[str, float]]:
    """Each movement of a joint with the angle shown: most of its normal range."""
    record = next(a for a in get_args(get_type_hints(Pose)[joint]) if a is not type(None))
    found = []
    hints = get_type_hints(record, include_extras=True)
    for name in record.field_names:
        degrees = next(rule for rule in hints[name].__metadata__ if isinstance(rule, Degrees))
        found.append((name, round(max(abs(degrees.low), degrees.high) * 0.8 / 5) * 5))
    return found


# What a posture needs round it to be drawn as it would be posed: a chair to sit on, the hands on the floor.
SUPPORTS = {"sitting": {"props": ["chair"]}, "quadruped": {"contacts": ["hands-on-floor"]},
            "long-sitting": {"contacts": ["hands-on-floor"]}}


def exercise(figure: dict) -> dict:
    return {"name": "Figure", "steps": ["Shown."], "figure": {**SUPPORTS.get(figure["posture"], {}), **figure}}


def posture_exercises() -> dict[str, dict]:
    found = {}
    for posture in POSTURES:
        view, turn = POSTURE_VIEWS.get(posture, ("side", 15))
        found[posture] = exercise({"posture": posture, "view": view, "turn": turn})
    return found


def movement_exercises() -> dict[str, dict]:
    found = {}
    for joint, (posture, start, arrow, views) in SHOWN.items():
        for movement, angle in movements(joint):
            base = STARTS.get((joint, movement), start)
            angle = ANGLES.get((joint, movement), angle)
            end = {**base, **COMPANIONS.get((joint, movement), {}), joint: {**base.get(joint, {}), movement: angle}}
            view = views.get(movement, "side")
            shown = {"pose": end, "arrow": arrow} if (joint, movement) in ONE_PICTURE else \
                {"frames": [{"pose": base}, {"pose": end, "arrow": arrow}]}
            found[f"{joint}.{movement}"] = exercise({
                "posture": posture, "view": view, "turn": 0 if view == "top" else 15,
                **HELD.get(NEEDS.get((joint, movement), ""), {}), **shown})
    return found


BACK_AREAS = {"upper-back", "between-shoulder-blades", "lower-back", "glutes", "hamstrings", "calf",
              "back-shoulder", "neck"}


def shading_exercises() -> dict[str, dict]:
    """Each shaded area on a standing figure, seen from the side it is on; both sides where it has two."""
    found = {}
    for name in base_names():
        region = name if name in REGIONS else f"right-{name}"
        view = "back" if name in BACK_AREAS else "front"
        found[region] = exercise({"posture": "standing", "view": view, "turn": 20 if name == "side" else 0,
                                  "feel": [region]})
    return found


def shipped_exercises() -> dict[str, dict]:
    """Every shipped exercise's figure, by its id."""
    found = {}
    for path in sorted(EXERCISES.glob("*.yaml")):
        figure = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("figure")
        if figure:
            found[path.stem] = exercise(figure)
    return found


def prop_exercises() -> dict[str, dict]:
    """Each prop as the first shipped exercise that uses it draws it, or with a standing figure."""
    found = {}
    shipped = sorted(EXERCISES.glob("*.yaml"))
    for prop in PROPS:
        for path in shipped:
            figure = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("figure") or {}
            if prop in figure.get("props", []) and "close_up" not in figure:  # a close-up may crop the prop
                found[prop] = exercise(figure)
                break
        else:
            found[prop] = exercise(UNSHIPPED_PROPS.get(prop, {"posture": "standing", "props": [prop]}))
    return found


def close_up_exercises() -> dict[str, dict]:
    """Ankle pumps drawn whole, and as the close-up they ship with."""
    shipped = shipped_exercises()["ankle-pumps"]
    whole = copy.deepcopy(shipped)
    whole["figure"].pop("close_up", None)
    return {"the whole figure": whole, f"close_up: {shipped['figure']['close_up']}": shipped}


def draw_each(exercises: dict[str, dict], labels: dict[str, str], out: Path, columns: int, size: int) -> None:
    """As draw, one figure at a time: a figure that cannot be drawn is left out and said."""
    with tempfile.TemporaryDirectory() as folder:
        library, pngs = Path(folder) / "exercises", Path(folder) / "png"
        library.mkdir()
        images: list[Image.Image] = []
        kept: list[str] = []
        for index, (key, body) in enumerate(exercises.items()):
            id_ = f"f{index:03d}"
            (library / f"{id_}.yaml").write_text(yaml.safe_dump(body, sort_keys=False))
            done = subprocess.run(["worksheet", "figure", id_, "--library", str(library), "--png", str(pngs),
                                   "--size", str(size), "--dpi", "110"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)
            if done.returncode:
                print(f"{key}: not drawn: {done.stderr.strip()}", file=sys.stderr)
                continue
            images.append(Image.open(pngs / f"{id_}.png").convert("RGB"))
            kept.append(labels[key])
        if images:
            tile(images, kept, out, columns)


def draw(exercises: dict[str, dict], labels: dict[str, str], out: Path, columns: int, size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        library, pngs = Path(folder) / "exercises", Path(folder) / "png"
        library.mkdir()
        ids = [f"f{index:03d}" for index in range(len(exercises))]
        for id_, body in zip(ids, exercises.values()):
            (library / f"{id_}.yaml").write_text(yaml.safe_dump(body, sort_keys=False))
        subprocess.run(["worksheet", "figure", *ids, "--library", str(library), "--png", str(pngs),
                        "--size", str(size), "--dpi", "110"], check=True, stdout=subprocess.DEVNULL)
        images = [Image.open(pngs / f"{id_}.png") for id_ in ids]
        tile(images, [labels[key] for key in exercises], out, columns)


def tile(images: list[Image.Image], labels: list[str], out: Path, columns: int) -> None:
    width, height = max(i.width for i in images), max(i.height for i in images) + 18
    sheet = Image.new("RGB", (columns * width, -(-len(images) // columns) * height), "white")
    pen = ImageDraw.Draw(sheet)
    for index, (image, label) in enumerate(zip(images, labels)):
        x, y = index % columns * width, index // columns * height
        sheet.paste(image, (x, y + 18))
        pen.text((x + 6, y + 4), label, fill="#333333")
    sheet.quantize(colors=64).save(out, optimize=True)  # flat line art: a small palette keeps it small


def main() -> None:
    postures = posture_exercises()
    draw(postures, {name: name for name in postures}, HERE / "postures.png", 3, 55)
    moves = movement_exercises()
    labels = {}
    for key, body in moves.items():
        joint, movement = key.split(".")
        figure = body["figure"]
        angle = (figure["frames"][1] if "frames" in figure else figure)["pose"][joint][movement]
        also = " (hips with it)" if (joint, movement) in COMPANIONS else ""
        labels[key] = f"{joint.replace('right_', '')}: {{{movement}: {angle}}}{also}"
    draw_each(moves, labels, HERE / "movements.png", 6, 45)
    shipped = shipped_exercises()
    draw_each(shipped, {name: name for name in shipped}, HERE / "gallery.png", 5, 50)
    areas = shading_exercises()
    draw_each(areas, {name: name for name in areas}, HERE / "shading.png", 6, 40)
    props = prop_exercises()
    draw_each(props, {name: name for name in props}, HERE / "props.png", 5, 50)
    close_ups = close_up_exercises()
    draw_each(close_ups, {name: name for name in close_ups}, HERE / "close-up.png", 2, 50)


if __name__ == "__main__":
    sys.exit(main())
