"""The figure's body and base postures, as the YAML in generator/anatomy/ describes them."""

from __future__ import annotations

from typing import Literal, Optional

from ..base.record import Record
from .figure import Pose, Posture
from .masses import Masses
from .shading import Shading


class SpineLengths(Record):
    pelvis: float
    lumbar: float
    thoracic: float
    upper_thoracic: float
    neck: float
    head: float


class RestCurves(Record):
    lumbar: float
    thoracic: float
    upper_thoracic: float
    neck: float
    head: float


class Section(Record):
    at: Literal["hips", "pelvis", "lumbar", "thoracic", "upper_thoracic", "neck"]
    width: float
    depth: float


class Offset(Record):
    forward: float = 0.0
    down: float = 0.0
    out: float = 0.0
    radius: float = 0.0


class Arm(Record):
    upper: float
    forearm: float
    hand: float
    radii: list[float]


class Leg(Record):
    thigh: float
    shank: float
    ankle: float
    heel: float
    toe: float
    radii: list[float]


class Block(Record):
    """A box-shaped prop: its top's height above the floor, its depth (toward the figure) and width."""

    height: float
    depth: float
    width: float


class DoorFrame(Record):
    width: float  # between the jambs
    height: float
    jamb: float  # each jamb's thickness


class Dumbbell(Record):
    handle: float  # the grip's length
    head: float  # each end's radius


class PropSizes(Record):
    """Standard sizes of the things a figure uses, in body heights (1.0 is about 170 cm)."""

    step: Block
    table: Block
    bed: Block
    chair_back: float  # the top of a chair's back above the floor
    chair_seat: float  # a chair's seat, when nobody sits on it
    exercise_ball: float  # radius
    pillow: Block
    towel_roll: float  # radius
    door_frame: DoorFrame
    wall: Block
    weight: Dumbbell
    mat: Block  # depth runs along the body


class CloseUps(Record):
    """The joints each of a figure's close-ups frames (``Figure.close_up``), and the room left round them."""

    margin: float
    head: list[str]
    upper_body: list[str]
    legs: list[str]
    lower_legs: list[str]
    feet: list[str]

    @classmethod
    def prepare(cls, value: object) -> object:
        return {str(key).replace("-", "_"): item for key, item in value.items()} if isinstance(value, dict) else value

    def of(self, close_up: str) -> list[str]:
        return getattr(self, close_up.replace("-", "_"))


class Body(Record):
    spine: SpineLengths
    rest: RestCurves
    trunk: list[Section]
    shoulder: Offset
    hip_out: float
    hips_down: float
    head_radius: float
    jaw: Offset
    nose: Offset
    neck_radius: float
    arm: Arm
    leg: Leg
    props: PropSizes
    close_ups: CloseUps


Support = Literal["feet", "seat", "heels", "knees", "shins", "left_knee", "right_foot", "back", "front", "side"]


class PostureData(Record):
    pitch: float = 0.0  # forward, about the hips: 90 is face down, -90 face up
    roll: float = 0.0  # to the figure's right
    yaw: float = 0.0  # to the figure's left
    support: list[Support]
    seat: bool = False  # sits on a chair whose seat meets the thighs
    balance: Optional[Literal["hands"]] = None  # pitched until the hands rest on the floor too
    pose: Pose = Pose()


class Postures(Record):
    standing: PostureData
    standing_one_leg: PostureData
    sitting: PostureData
    long_sitting: PostureData
    kneeling: PostureData
    half_kneeling: PostureData
    quadruped: PostureData
    lying: PostureData
    lying_knees_bent: PostureData
    lying_face_down: PostureData
    side_lying: PostureData
    side_lying_right: PostureData
    side_lying_left: PostureData

    @classmethod
    def prepare(cls, value: object) -> object:
        return {str(key).replace("-", "_"): item for key, item in value.items()} if isinstance(value, dict) else value

    def of(self, posture: Posture) -> PostureData:
        return getattr(self, posture.replace("-", "_"))


class Anatomy(Record):
    body: Body
    postures: Postures
    masses: Masses
    shading: Shading
