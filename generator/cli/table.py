"""Rows of text as aligned columns, for the listing commands."""

from __future__ import annotations


def format_table(headings: tuple[str, ...], rows: list[tuple[str, ...]], widest: int = 48) -> str:
    """Columns padded to their longest value, long values clipped with an ellipsis."""
    clipped = [tuple(v if len(v) <= widest else v[: widest - 1] + "…" for v in row) for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in clipped]) for i, h in enumerate(headings)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headings, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in clipped]
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)
