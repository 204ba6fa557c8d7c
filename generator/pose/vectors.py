"""Three-dimensional points and rotations, as plain tuples: a figure needs a few hundred of each."""

from __future__ import annotations

import math
from typing import Tuple

Vec = Tuple[float, float, float]
Matrix = Tuple[Vec, Vec, Vec]  # rows

IDENTITY: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
MIRROR: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, -1.0))  # right side to left


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def length(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    size = length(a)
    return scale(a, 1.0 / size) if size > 1e-12 else (0.0, 0.0, 0.0)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def apply(m: Matrix, v: Vec) -> Vec:
    # written out rather than three dot() calls: a figure applies some thousands of these
    x, y, z = v
    (a, b, c), (d, e, f), (g, h, i) = m
    return (a * x + b * y + c * z, d * x + e * y + f * z, g * x + h * y + i * z)


def compose(a: Matrix, b: Matrix) -> Matrix:
    """a then b in a's frame: the matrix of ``apply(a, apply(b, v))``.

    Written out, and a turn of no degrees (most joints, in most poses) passed through: a figure composes
    thousands of these while its poses are solved."""
    if b is IDENTITY:
        return a
    if a is IDENTITY:
        return b
    (p, q, r), (s, t, u), (v, w, x) = b
    (a0, a1, a2), (a3, a4, a5), (a6, a7, a8) = a
    return ((a0 * p + a1 * s + a2 * v, a0 * q + a1 * t + a2 * w, a0 * r + a1 * u + a2 * x),
            (a3 * p + a4 * s + a5 * v, a3 * q + a4 * t + a5 * w, a3 * r + a4 * u + a5 * x),
            (a6 * p + a7 * s + a8 * v, a6 * q + a7 * t + a8 * w, a6 * r + a7 * u + a8 * x))


def about_x(degrees: float) -> Matrix:
    if not degrees:
        return IDENTITY
    c, s = _cos_sin(degrees)
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def about_y(degrees: float) -> Matrix:
    if not degrees:
        return IDENTITY
    c, s = _cos_sin(degrees)
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def about_z(degrees: float) -> Matrix:
    if not degrees:
        return IDENTITY
    c, s = _cos_sin(degrees)
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def about_axis(axis: Vec, degrees: float) -> Matrix:
    """Rodrigues' rotation about a unit axis."""
    x, y, z = axis
    c, s = _cos_sin(degrees)
    k = 1.0 - c
    return ((c + x * x * k, x * y * k - z * s, x * z * k + y * s),
            (y * x * k + z * s, c + y * y * k, y * z * k - x * s),
            (z * x * k - y * s, z * y * k + x * s, c + z * z * k))


def mirrored(m: Matrix) -> Matrix:
    """The same rotation seen in a mirror across the body's middle plane."""
    return compose(MIRROR, compose(m, MIRROR))


def _cos_sin(degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    return math.cos(radians), math.sin(radians)
