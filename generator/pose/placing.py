"""What placing a prop looks at: the solved body, its contacts, the seat and the other props."""

from __future__ import annotations

from typing import Optional

from ..model.anatomy import Anatomy
from ..model.contact import Contact
from ..model.figure import Figure
from .contacts import Setting
from .parts import part_pieces
from .skeleton import Skeleton
from .surface import lowest
from .vectors import Vec


class Placing:
    """The body, its contacts, the seat and the other props, for placing a prop."""

    def __init__(self, anatomy: Anatomy, figure: Figure, contacts: list[Contact], sk: Skeleton,
                 seat: Optional[float], setting: Setting):
        self.anatomy, self.body, self.figure, self.contacts = anatomy, anatomy.body, figure, contacts
        self.sk, self.p, self.seat, self.setting = sk, sk.points, seat, setting

    def using(self, *targets: str) -> list[Contact]:
        return [c for c in self.contacts if c.target in targets]

    def band_tied(self) -> bool:
        """A band tied ahead to a post or door frame: drawn, and not stood on (a hand holding it is fine)."""
        return "band" in self.figure.props and all(c.part == "hand" for c in self.using("band"))

    def resting(self, contact: Contact) -> Vec:
        """The lowest point of the part a contact names, roughly: its pieces' ends, lowest first."""
        pieces = part_pieces(self.body, self.sk, contact.part, contact.sides)
        ends = [end for piece in pieces for end in (piece.start, piece.end)]
        xs, zs = [e[0] for e in ends], [e[2] for e in ends]
        return (sum(xs) / len(xs), lowest(pieces), sum(zs) / len(zs))

    def under(self) -> float:
        """The top of what the body lies on: a bed or table it is raised onto, else the floor."""
        sizes = self.body.props
        for contact in self.contacts:
            if contact.target in ("bed", "table") and contact.part in ("pelvis", "back", "upper-back", "lower-back"):
                return getattr(sizes, contact.target).height
        return 0.0

    def away(self, x: float) -> int:
        """Which way along x from the body a point at ``x`` lies."""
        return 1 if x >= self.p["pelvis"][0] else -1
