"""A minimal hand-written renderer: the same text, tables and boxes as a handout, with plain platypus.

What a developer would write without the tool: read the YAML, no validation, no error locations,
no layout files, no glyph checks, fonts registered once. The benchmark compares against it.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONTS = Path(__file__).resolve().parent.parent / "generator" / "fonts"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DISCLAIMER = "General education, not medical advice. Stop if pain increases and ask your clinician."


@lru_cache(maxsize=None)
def styles() -> dict[str, ParagraphStyle]:
    for face in ("DejaVuSans", "DejaVuSans-Bold"):
        pdfmetrics.registerFont(TTFont(face, str(FONTS / f"{face}.ttf")))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9.5, leading=12)
    return {
        "title": ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=21, leading=25),
        "heading": ParagraphStyle("heading", parent=body, fontName="DejaVuSans-Bold", fontSize=12.5, leading=16,
                                  spaceBefore=14),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "step": ParagraphStyle("step", parent=body, leftIndent=16, bulletFontName="DejaVuSans-Bold"),
    }


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def exercises_of(worksheet: dict, library: Path) -> list[dict]:
    entries = worksheet.get("exercises") or [e for s in worksheet["sections"] for e in s["exercises"]]
    found = []
    for entry in entries:
        ref = entry if isinstance(entry, str) else entry["exercise"]
        exercise = load(library / f"{ref}.yaml") if isinstance(ref, str) else ref
        if isinstance(entry, dict):
            exercise = {**exercise, "dosage": {**exercise.get("dosage", {}), **entry.get("dosage", {})}}
        found.append(exercise)
    return found


def boxed(rows: list, widths: list, background) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"), ("BACKGROUND", (0, 0), (-1, -1), background),
                               ("BOX", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def exercise_block(number: int, exercise: dict, s: dict, width: float) -> KeepTogether:
    steps = [Paragraph(escape(step), s["step"], bulletText=f"{i}.") for i, step in enumerate(exercise["steps"], 1)]
    dose = exercise.get("dosage", {})
    cells = [(key, str(value)) for key, value in dose.items()]
    parts = [Paragraph(f"{number}. {escape(exercise['name'])}", s["heading"]),
             Paragraph(escape(exercise.get("summary", "")), s["body"]),
             boxed([[steps, Paragraph(escape(exercise["name"]), s["small"])]], [width - 60 * mm, 54 * mm], colors.white)]
    if cells:
        parts.append(boxed([[Paragraph(k, s["small"]) for k, _ in cells], [Paragraph(v, s["body"]) for _, v in cells]],
                           [(width - 60 * mm) / len(cells)] * len(cells), colors.whitesmoke))
    if exercise.get("cautions"):
        parts.append(boxed([[[Paragraph("• " + escape(c), s["body"]) for c in exercise["cautions"]]]], [width],
                           colors.lightyellow))
    parts += [Paragraph(escape(tip), s["small"]) for tip in exercise.get("tips", [])]
    return KeepTogether(parts)


def log_table(exercises: list[dict], s: dict, width: float) -> Table:
    rows = [["Week 1", *[f"Day {d}" for d in range(1, 8)]]]
    rows += [[Paragraph(escape(e["name"]), s["small"]), *[""] * 7] for e in exercises] + [["Pain (0–10)", *[""] * 7]]
    table = Table(rows, colWidths=[width - 7 * 12 * mm] + [12 * mm] * 7, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"), ("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    return table


def render(worksheet_path: Path) -> bytes:
    s = styles()
    worksheet = load(worksheet_path)
    exercises = exercises_of(worksheet, worksheet_path.parent / "exercises")
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=17 * mm, rightMargin=17 * mm, invariant=1,
                            title=worksheet["title"])
    width = doc.width
    story = [Paragraph(escape(worksheet["title"]), s["title"]), Paragraph(escape(worksheet.get("subtitle", "")), s["body"]),
             boxed([["Client:", "", "Date:", ""]], [20 * mm, width / 2, 15 * mm, width / 2 - 35 * mm], colors.white),
             Paragraph(escape(worksheet.get("intro", "")), s["body"]), Spacer(0, 6)]
    if worksheet.get("stop_if"):
        story.append(boxed([[[Paragraph("• " + escape(r), s["body"]) for r in worksheet["stop_if"]]]], [width],
                           colors.lightyellow))
    story += [exercise_block(n, e, s, width) for n, e in enumerate(exercises, 1)]
    story += [PageBreak(), log_table(exercises, s, width), Spacer(0, 8), log_table(exercises, s, width)]

    def footer(canvas, document):
        canvas.setFont("DejaVuSans", 7.5)
        canvas.drawString(17 * mm, 12 * mm, DISCLAIMER)
        canvas.drawRightString(LETTER[0] - 17 * mm, 12 * mm, f"Page {document.page}")

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
