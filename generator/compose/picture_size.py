"""How big a card's picture is, and whether it sits beside the steps or above them: the layout's rule."""

from __future__ import annotations

from typing import NamedTuple

from ..model.layout import Illustration


class PictureSize(NamedTuple):
    width: float
    height: float
    above: bool  # across the card over the name and steps, rather than beside them


def picture_size(box: Illustration, frames: int, card: float, frame_gap: float) -> PictureSize:
    """The picture's box on a card ``card`` wide, for a figure of ``frames`` frames (1 for a photo or an empty box).

    Beside the steps it is the layout's width or share of the card, whichever is wider, but at most ``beside``
    of the card, so the steps keep their room. A figure in frames widens it to give each frame ``frame``; when
    that is more than beside the steps allows, the picture goes above them, across the card, where it has room.
    """
    wanted = max(box.width, box.share * card)
    needed = frames * box.frame + (frames - 1) * frame_gap if frames > 1 else 0.0
    if box.position == "above":
        return PictureSize(min(max(wanted, needed), card), box.height, True)
    if needed > box.beside * card:
        return PictureSize(card, box.height, True)
    return PictureSize(min(max(wanted, needed), box.beside * card), box.height, False)
