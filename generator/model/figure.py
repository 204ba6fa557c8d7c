"""An exercise's figure: a base posture, joint angles in clinical words, contacts, props and frames.

Each joint is a record whose fields are its movements, so an unknown joint or movement is reported like any
unknown field (with a suggestion), and each angle carries its normal range of motion (after the AAOS tables
and the ISB joint conventions, Wu et al. 2005): a value outside it is an error at its own line.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, get_args

from ..base.record import Record
from .choices import POSTURES, Posture  # noqa: F401 (POSTURES: read from here by docs/figures/make.py)
from .contact import check_contact, contact_pattern
from .rules import Before, Doc, Invalid, Range

View = Literal["side", "front", "back", "top", "three-quarter"]
VIEWS: tuple[str, ...] = get_args(View)
Prop = Literal["chair", "wall", "mat", "ball", "exercise-ball", "medicine-ball", "foam-roller", "towel", "towel-roll",
               "pillow", "band", "bar", "post", "step", "table", "bed", "door-frame", "weight"]
PROPS: tuple[str, ...] = get_args(Prop)
# The prop each contact surface is part of (the floor and a seat need none: a sitting posture brings its seat).
SURFACE_PROPS: dict[str, Prop] = {
    "wall": "wall", "door-frame": "door-frame", "step": "step", "table": "table", "bed": "bed", "ball": "ball",
    "exercise-ball": "exercise-ball", "medicine-ball": "medicine-ball", "roller": "foam-roller", "pillow": "pillow",
    "towel": "towel", "towel-roll": "towel-roll", "post": "post", "band": "band", "chair-back": "chair"}
# A contact is a name in the grammar generator/model/contact.py reads: [left-|right-]PART-RELATION-TARGET.
Contact = Annotated[str, Before(check_contact, accepts={"type": "string", "pattern": contact_pattern()})]
BodyPoint = Literal["head", "face", "chest", "upper-back", "lower-back", "pelvis", "left-hand", "right-hand",
                    "left-elbow", "right-elbow", "left-shoulder", "right-shoulder", "left-hip", "right-hip",
                    "left-knee", "right-knee", "left-foot", "right-foot", "left-heel", "right-heel"]
BODY_POINTS: tuple[str, ...] = get_args(BodyPoint)
# Shaded areas: one name for both sides, or left-/right- for one. The unsided names shade both sides.
Region = Literal["neck", "left-neck", "right-neck", "upper-back", "between-shoulder-blades", "lower-back",
                 "chest", "left-chest", "right-chest", "left-side", "right-side", "left-shoulder", "right-shoulder",
                 "front-shoulder", "left-front-shoulder", "right-front-shoulder",
                 "back-shoulder", "left-back-shoulder", "right-back-shoulder",
                 "forearm", "left-forearm", "right-forearm", "wrist", "left-wrist", "right-wrist",
                 "glutes", "left-glutes", "right-glutes", "hip-flexors", "left-hip-flexors", "right-hip-flexors",
                 "outer-hip", "left-outer-hip", "right-outer-hip", "inner-thigh", "left-inner-thigh",
                 "right-inner-thigh", "hamstrings", "left-hamstrings", "right-hamstrings",
                 "quadriceps", "left-quadriceps", "right-quadriceps", "calf", "left-calf", "right-calf",
                 "shin", "left-shin", "right-shin", "ankle", "left-ankle", "right-ankle",
                 "foot", "left-foot", "right-foot"]
REGIONS: tuple[str, ...] = get_args(Region)
# How an arrow follows the part that moves: round its joint (the default), in a straight line, round a full
# circle (a pendulum's circles), back and forth along its arc, or back and forth in a straight line (a head at
# each end of both: a roller rolled up and down the back).
ArrowPath = Literal["arc", "straight", "circle", "back-and-forth", "straight-back-and-forth"]
# A frame drawn as a close-up of one part of the body, when what moves is too small to see in the whole figure.
CloseUp = Literal["head", "upper-body", "legs", "lower-legs", "feet"]
CLOSE_UPS: tuple[str, ...] = get_args(CloseUp)
PATHS: tuple[str, ...] = get_args(ArrowPath)


class Degrees(Range):
    """An angle inside a joint's normal range of motion: a range, told as one."""

    def __init__(self, low: float, high: float):
        super().__init__(low, high)
        self.low, self.high = low, high

    def after(self, value: float | None) -> float | None:
        if value is not None and not self.low <= value <= self.high:
            raise Invalid(f"outside the normal range of {self.low:g} to {self.high:g} degrees, got {value:g}")
        return value


Deg = Annotated[Optional[float], Doc("degrees, inside the joint's normal range; left out: the base posture's value")]


class OneWay(Record):
    """A joint moves one way or its opposite, not both at once."""

    def verify(self) -> None:
        for first, second in _PAIRS:
            if getattr(self, first, None) is not None and getattr(self, second, None) is not None:
                raise Invalid(f"give {first} or {second}, not both")


# Rotation and side bend are signed: positive turns or bends to the figure's right, negative to its left.
class Pelvis(OneWay):
    """The whole body's lean in space from its base posture, about the hips."""

    flexion: Annotated[Deg, Degrees(0, 90)] = None
    extension: Annotated[Deg, Degrees(0, 90)] = None
    side_bend: Annotated[Deg, Degrees(-45, 45)] = None
    rotation: Annotated[Deg, Degrees(-90, 90)] = None


class Lumbar(OneWay):
    flexion: Annotated[Deg, Degrees(0, 50)] = None
    extension: Annotated[Deg, Degrees(0, 25)] = None
    side_bend: Annotated[Deg, Degrees(-20, 20)] = None
    rotation: Annotated[Deg, Degrees(-10, 10)] = None


class Thoracic(OneWay):
    flexion: Annotated[Deg, Degrees(0, 40)] = None
    extension: Annotated[Deg, Degrees(0, 25)] = None
    side_bend: Annotated[Deg, Degrees(-20, 20)] = None
    rotation: Annotated[Deg, Degrees(-35, 35)] = None


class UpperThoracic(OneWay):
    flexion: Annotated[Deg, Degrees(0, 20)] = None
    extension: Annotated[Deg, Degrees(0, 15)] = None
    side_bend: Annotated[Deg, Degrees(-10, 10)] = None
    rotation: Annotated[Deg, Degrees(-15, 15)] = None


class Neck(OneWay):
    """The lower neck, from the base of the neck to the skull."""

    flexion: Annotated[Deg, Degrees(0, 45)] = None
    extension: Annotated[Deg, Degrees(0, 45)] = None
    side_bend: Annotated[Deg, Degrees(-45, 45)] = None
    rotation: Annotated[Deg, Degrees(-45, 45)] = None


class Head(OneWay):
    """The head on the upper neck: a chin tuck is head flexion with neck extension."""

    flexion: Annotated[Deg, Degrees(0, 25)] = None
    extension: Annotated[Deg, Degrees(0, 30)] = None
    side_bend: Annotated[Deg, Degrees(-10, 10)] = None
    rotation: Annotated[Deg, Degrees(-40, 40)] = None


class Scapula(OneWay):
    """The shoulder blade gliding round the rib cage."""

    protraction: Annotated[Deg, Degrees(0, 20)] = None
    retraction: Annotated[Deg, Degrees(0, 15)] = None
    elevation: Annotated[Deg, Degrees(0, 30)] = None
    depression: Annotated[Deg, Degrees(0, 10)] = None


class Shoulder(OneWay):
    flexion: Annotated[Deg, Degrees(0, 180)] = None
    extension: Annotated[Deg, Degrees(0, 60)] = None
    abduction: Annotated[Deg, Degrees(0, 180)] = None
    adduction: Annotated[Deg, Degrees(0, 30)] = None
    horizontal_adduction: Annotated[Deg, Degrees(0, 130)] = None
    horizontal_abduction: Annotated[Deg, Degrees(0, 45)] = None
    internal_rotation: Annotated[Deg, Degrees(0, 70)] = None
    external_rotation: Annotated[Deg, Degrees(0, 90)] = None


class Elbow(OneWay):
    flexion: Annotated[Deg, Degrees(0, 150)] = None
    extension: Annotated[Deg, Degrees(0, 5)] = None


class Wrist(OneWay):
    flexion: Annotated[Deg, Degrees(0, 80)] = None
    extension: Annotated[Deg, Degrees(0, 70)] = None


class Hip(OneWay):
    flexion: Annotated[Deg, Degrees(0, 125)] = None
    extension: Annotated[Deg, Degrees(0, 30)] = None
    abduction: Annotated[Deg, Degrees(0, 45)] = None
    adduction: Annotated[Deg, Degrees(0, 30)] = None
    internal_rotation: Annotated[Deg, Degrees(0, 45)] = None
    external_rotation: Annotated[Deg, Degrees(0, 45)] = None


class Knee(OneWay):
    flexion: Annotated[Deg, Degrees(0, 160)] = None  # kneeling back on the heels needs about 155


class Ankle(OneWay):
    dorsiflexion: Annotated[Deg, Degrees(0, 20)] = None
    plantarflexion: Annotated[Deg, Degrees(0, 50)] = None


class Pose(Record):
    """Joint angles in degrees; a joint or movement left out keeps its base posture's value."""

    pelvis: Annotated[Optional[Pelvis], Doc("the whole body's lean from its base posture, about the hips")] = None
    lumbar: Annotated[Optional[Lumbar], Doc("the lower back's angles")] = None
    thoracic: Annotated[Optional[Thoracic], Doc("the middle back's angles")] = None
    upper_thoracic: Annotated[Optional[UpperThoracic], Doc("the top of the back's angles, below the neck")] = None
    neck: Annotated[Optional[Neck], Doc("the lower neck's angles, from the base of the neck to the skull")] = None
    head: Annotated[Optional[Head], Doc(
        "the head on the upper neck: a chin tuck is head flexion with neck extension")] = None
    left_scapula: Annotated[Optional[Scapula], Doc("the left shoulder blade's glide round the rib cage")] = None
    right_scapula: Annotated[Optional[Scapula], Doc("the right shoulder blade's glide round the rib cage")] = None
    left_shoulder: Annotated[Optional[Shoulder], Doc("the left shoulder's angles")] = None
    right_shoulder: Annotated[Optional[Shoulder], Doc("the right shoulder's angles")] = None
    left_elbow: Annotated[Optional[Elbow], Doc("the left elbow's angles")] = None
    right_elbow: Annotated[Optional[Elbow], Doc("the right elbow's angles")] = None
    left_wrist: Annotated[Optional[Wrist], Doc("the left wrist's angles")] = None
    right_wrist: Annotated[Optional[Wrist], Doc("the right wrist's angles")] = None
    left_hip: Annotated[Optional[Hip], Doc("the left hip's angles")] = None
    right_hip: Annotated[Optional[Hip], Doc("the right hip's angles")] = None
    left_knee: Annotated[Optional[Knee], Doc("the left knee's angles")] = None
    right_knee: Annotated[Optional[Knee], Doc("the right knee's angles")] = None
    left_ankle: Annotated[Optional[Ankle], Doc("the left ankle's angles")] = None
    right_ankle: Annotated[Optional[Ankle], Doc("the right ankle's angles")] = None

    def then(self, later: Pose) -> Pose:
        """This pose with every movement ``later`` gives set to its value; a movement set clears its opposite."""
        changes = {}
        for joint in later.field_names:
            mine, theirs = getattr(self, joint), getattr(later, joint)
            if theirs is None or mine is None:
                changes[joint] = theirs if mine is None else mine
                continue
            merged = {**mine.given(), **theirs.given()}
            for movement in theirs.given():
                if _OPPOSITE.get(movement) in merged and movement in _OPPOSITE:
                    merged[_OPPOSITE[movement]] = None
            changes[joint] = type(mine)(**merged)
        return self.replace(**changes)


_PAIRS = (("flexion", "extension"), ("abduction", "adduction"), ("internal_rotation", "external_rotation"),
          ("protraction", "retraction"), ("elevation", "depression"), ("dorsiflexion", "plantarflexion"),
          ("horizontal_adduction", "horizontal_abduction"))
_OPPOSITE = {**{a: b for a, b in _PAIRS}, **{b: a for a, b in _PAIRS}}


class Frame(Record):
    """One picture of the figure: its own changes to the pose, an arrow and where the stretch is felt."""

    pose: Annotated[Pose, Doc("this frame's own changes to the figure's pose")] = Pose()
    arrow: Annotated[Optional[BodyPoint], Doc(
        "the part that moves, with an arrow from the previous frame (or from rest)")] = None
    path: Annotated[ArrowPath, Doc(
        "how the arrow runs: arc, straight, circle, back-and-forth or straight-back-and-forth")] = "arc"
    feel: Annotated[list[Region], Doc("lightly shaded: where the stretch should be felt")] = []
    contacts: Annotated[list[Contact], Doc(
        "this frame's contacts, in place of the figure's: a roller further up the back, a hand lifted")] = []
    dont: Annotated[bool, Doc("a picture of what not to do, struck through")] = False


class Figure(Record):
    """An exercise's drawn figure: see docs/figures.md."""

    posture: Annotated[Posture, Doc("the base posture the pose changes")]
    view: Annotated[View, Doc("where the camera looks from")] = "side"
    turn: Annotated[float, Degrees(-180, 180), Doc("the camera, in degrees round the figure")] = 0.0
    elevation: Annotated[float, Degrees(-30, 90), Doc(
        "the camera, in degrees above the floor's level: 30 looks down on a side-lying leg lift")] = 0.0
    pose: Annotated[Pose, Doc("changes to the base posture that every frame shares")] = Pose()
    contacts: Annotated[list[Contact], Doc("where the body rests on itself, the floor or a prop")] = []
    props: Annotated[list[Prop], Doc("things drawn with the figure")] = []
    frames: Annotated[list[Frame], Doc(
        "none: one picture of the pose; two: 1 start and 2 end; a 'dont' frame extra")] = []
    arrow: Annotated[Optional[BodyPoint], Doc("the part that moves, with an arrow (without frames)")] = None
    path: Annotated[ArrowPath, Doc(
        "how the arrow runs (without frames): arc, straight, circle, back-and-forth or straight-back-and-forth")] = "arc"
    feel: Annotated[list[Region], Doc("lightly shaded: where the stretch should be felt (without frames)")] = []
    close_up: Annotated[Optional[CloseUp], Doc(
        "every frame shows only this part of the body, enlarged: for a movement too small to see whole")] = None

    def verify(self) -> None:
        kept = [frame for frame in self.frames if not frame.dont]
        if len(kept) > 2:
            raise Invalid("a figure has at most two frames (1 start, 2 end) besides a 'dont' frame")
        if len(self.frames) - len(kept) > 1:
            raise Invalid("a figure has at most one 'dont' frame")
        if self.frames and (self.arrow or self.feel or self.path != "arc"):
            raise Invalid("with frames, give 'arrow', 'path' and 'feel' in the frame they belong to")

    def framed(self, frame: Frame) -> Figure:
        """The figure as one frame draws it: with that frame's contacts, where it gives its own."""
        return self.replace(contacts=frame.contacts) if frame.contacts else self

    def pictures(self) -> list[Frame]:
        """The frames to draw, in order: a figure without frames is one frame of its own."""
        if not [frame for frame in self.frames if not frame.dont]:
            return [Frame(arrow=self.arrow, path=self.path, feel=self.feel), *self.frames]
        return list(self.frames)
