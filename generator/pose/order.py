"""Which part of the figure is drawn over which: each pair that overlaps on the page is ordered by its depth
where it overlaps, nearer over farther; near ties put a limb over the trunk, an arm over a leg and a strap
over what holds it, so a hand on the head or on a thigh stays in sight."""

from __future__ import annotations

import math
from typing import NamedTuple, Sequence

TIE = 0.02  # depths this close, in body heights, count as touching


class Sample(NamedTuple):
    x: float
    y: float
    depth: float
    radius: float


class Item(NamedTuple):
    samples: tuple[Sample, ...]
    rank: int  # who wins a tie: the higher
    depth: float  # the mean depth: the order when nothing overlaps


def drawing_order(items: Sequence[Item]) -> list[int]:
    """Indices of ``items``, farthest first."""
    count = len(items)
    below: list[set[int]] = [set() for _ in range(count)]  # below[j]: what must be drawn before j
    boxes = [_box(item) for item in items]
    for i in range(count):
        for j in range(i + 1, count):
            if not _touch(boxes[i], boxes[j]):
                continue
            first = _first(_inside(items[i], boxes[j]), _inside(items[j], boxes[i]))
            if first == 0:
                below[j].add(i)
            elif first == 1:
                below[i].add(j)
    order: list[int] = []
    left = list(range(count))
    while left:
        free = [k for k in left if not below[k] & set(left)] or left  # a cycle: fall back to depth
        pick = min(free, key=lambda k: (items[k].depth, k))
        order.append(pick)
        left.remove(pick)
    return order


def _first(a: Item, b: Item) -> int:
    """0 when ``a`` goes under ``b``, 1 when over it, -1 when they do not overlap."""
    best, difference, hypot = 0.0, 0.0, math.hypot
    others = [(q.x, q.y, q.radius, q.depth) for q in b.samples]
    for px, py, pd, pr in a.samples:
        for qx, qy, qr, qd in others:
            overlap = pr + qr - hypot(px - qx, py - qy)
            if overlap > best:
                best, difference = overlap, pd - qd
    if best <= 0.0:
        return -1
    if abs(difference) < TIE:
        return 0 if a.rank <= b.rank else 1
    return 0 if difference < 0 else 1


def _inside(item: Item, box: tuple[float, float, float, float]) -> Item:
    """Only the samples that can touch what lies in ``box``: the pairs to compare drop several times over."""
    kept = tuple(s for s in item.samples if s.x + s.radius > box[0] and s.x - s.radius < box[2]
                 and s.y + s.radius > box[1] and s.y - s.radius < box[3])
    return item._replace(samples=kept)


def _box(item: Item) -> tuple[float, float, float, float]:
    return (min(s.x - s.radius for s in item.samples), min(s.y - s.radius for s in item.samples),
            max(s.x + s.radius for s in item.samples), max(s.y + s.radius for s in item.samples))


def _touch(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
