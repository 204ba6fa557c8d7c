"""A minimal hand-written renderer: the same text, tables and boxes as a handout, with plain platypus.

What a developer would write without the tool: read the YAML, no validation, no error locations,
no layout files, no translations, no glyph checks, fonts registered once, English words typed in.
It prints the same words as the tool's handout of the same worksheet (the benchmark counts them),
so that the comparison is between two programs doing the same job.
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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONTS = Path(__file__).resolve().parent.parent / "generator" / "fonts"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DISCLAIMER = (
    "This handout is general education, not medical advice, and does not replace care from your own "
    "clinician. Ask your clinician before you start. Move gently, and stop and seek advice if pain "
    "increases or you feel numbness, tingling or dizziness."
)
POSITIONS = {"standing": "Standing", "sitting": "Sitting", "long-sitting": "Long sitting (on the floor, legs straight)",
             "kneeling": "Kneeling", "half-kneeling": "Half kneeling", "quadruped": "On hands and knees",
             "lying": "Lying on your back", "lying-face-down": "Lying face down", "side-lying": "Lying on your side",
             "any": "Any comfortable position"}
SIDES = {"both": "both sides", "left": "left side", "right": "right side", "each": "each side",
         "alternating": "alternate sides"}
MARGIN = 17 * mm
ACCENT, MUTED, SHADE, BORDER = colors.HexColor("#1d5c87"), colors.HexColor("#5b6773"), colors.HexColor("#e6eef5"), \
    colors.HexColor("#b5c6d6")
CAUTION_BG, CAUTION_LINE = colors.HexColor("#fff5e6"), colors.HexColor("#d9892b")


@lru_cache(maxsize=None)
def styles() -> dict[str, ParagraphStyle]:
    for face in ("DejaVuSans", "DejaVuSans-Bold"):
        pdfmetrics.registerFont(TTFont(face, str(FONTS / f"{face}.ttf")))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9.5, leading=12, spaceAfter=4)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSans-Bold")
    return {
        "title": ParagraphStyle("title", parent=bold, fontSize=21, leading=25, textColor=ACCENT),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=12, leading=15, textColor=MUTED),
        "section": ParagraphStyle("section", parent=bold, fontSize=13.5, leading=17, spaceBefore=10),
        "heading": ParagraphStyle("heading", parent=bold, fontSize=12.5, leading=16, spaceBefore=14),
        "body": body,
        "bold": bold,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "centre": ParagraphStyle("centre", parent=bold, fontSize=8, leading=10, alignment=1),
        "step": ParagraphStyle("step", parent=body, leftIndent=16, bulletFontName="DejaVuSans-Bold", spaceAfter=1),
        "footer": ParagraphStyle("footer", parent=body, fontSize=7.5, leading=9, textColor=MUTED),
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
            exercise = {**exercise, "dosage": {**exercise.get("dosage", {}), **entry.get("dosage", {})},
                        "progression": entry.get("progression", exercise.get("progression", []))}
        found.append(exercise)
    return found


def seconds(value: int) -> str:
    minutes, rest = divmod(value, 60)
    return f"{rest} s" if not minutes else f"{minutes} min" if not rest else f"{minutes} min {rest} s"


def dose_cells(dose: dict) -> list[tuple[str, str]]:
    often = ", ".join(part for part in (f"{dose['per_day']}× a day" if dose.get("per_day") else "",
                                        f"{dose['per_week']}× a week" if dose.get("per_week") else "") if part)
    cells = [("Sets", dose.get("sets")), ("Reps", dose.get("reps")),
             ("Hold", dose.get("hold_seconds") and seconds(dose["hold_seconds"])),
             ("Time", dose.get("duration_seconds") and seconds(dose["duration_seconds"])),
             ("Rest", dose.get("rest_seconds") and seconds(dose["rest_seconds"])),
             ("How often", often), ("Side", SIDES.get(dose.get("side")))]
    return [(name, str(value)) for name, value in cells if value]


def grid(rows: list, widths: list) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, BORDER), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def boxed(content: list, width: float, background, border) -> Table:
    table = Table([[content]], colWidths=[width])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), background), ("BOX", (0, 0), (-1, -1), 1, border)]))
    return table


def meta_line(exercise: dict, s: dict) -> Paragraph:
    parts = [f"<b>Position:</b> {escape(POSITIONS[exercise['position']])}"]
    if exercise.get("equipment"):
        parts.append(f"<b>You need:</b> {escape(', '.join(exercise['equipment']))}")
    if exercise.get("targets"):
        parts.append(f"<b>Works on:</b> {escape(', '.join(exercise['targets']))}")
    return Paragraph("  ·  ".join(parts), s["small"])


def progression_table(stages: list[dict], s: dict) -> Table:
    columns = [name for name, _ in dose_cells({k: v for stage in stages for k, v in stage["dosage"].items()})]
    rows = [[Paragraph(name, s["centre"]) for name in ["Weeks", *columns]]]
    for stage in stages:
        cells = dict(dose_cells(stage["dosage"]))
        rows.append([Paragraph(str(stage["weeks"]).replace("-", "–"), s["centre"]),
                     *[Paragraph(cells.get(name, ""), s["centre"]) for name in columns]])
    return grid(rows, [25 * mm] * len(rows[0]))


def exercise_block(number: int, exercise: dict, s: dict, width: float) -> KeepTogether:
    steps = [Paragraph(escape(step), s["step"], bulletText=f"{i}.") for i, step in enumerate(exercise["steps"], 1)]
    cells = dose_cells(exercise.get("dosage", {}))
    if cells:
        steps.append(grid([[Paragraph(k, s["centre"]) for k, _ in cells], [Paragraph(v, s["centre"]) for _, v in cells]],
                          [(width - 60 * mm) / len(cells)] * len(cells)))
    picture = Table([[Paragraph(escape(exercise["name"]), s["small"])]], colWidths=[54 * mm], rowHeights=[40 * mm])
    picture.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, BORDER), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    parts = [Paragraph(f"{number}.  {escape(exercise['name'])}", s["heading"]), meta_line(exercise, s),
             Paragraph(escape(exercise.get("summary", "")), s["body"]),
             Table([[steps, picture]], colWidths=[width - 58 * mm, 58 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
    if exercise.get("cautions"):
        parts.append(boxed([Paragraph("Take care", s["bold"]), *[Paragraph("• " + escape(c), s["body"])
                                                                 for c in exercise["cautions"]]],
                           width, CAUTION_BG, CAUTION_LINE))
    parts += [Paragraph("<b>Tip:</b> " + escape(tip), s["small"]) for tip in exercise.get("tips", [])]
    if exercise.get("progression"):
        parts.append(progression_table(exercise["progression"], s))
    return KeepTogether(parts)


def log_table(week: int, exercises: list[dict], s: dict, width: float) -> Table:
    days = range(7 * week - 6, 7 * week + 1)
    rows = [[Paragraph(f"Week {week}", s["bold"]), *[Paragraph(f"Day {day}", s["centre"]) for day in days]]]
    rows += [[Paragraph(f"{n}. " + escape(e["name"]), s["body"]), *[""] * 7] for n, e in enumerate(exercises, 1)]
    rows.append([Paragraph("Pain (0–10)", s["bold"]), *[""] * 7])
    return grid(rows, [width - 7 * 14 * mm] + [14 * mm] * 7)


def notes_lines(count: int, width: float) -> Table:
    table = Table([[""]] * count, colWidths=[width], rowHeights=[8 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER)]))
    return table


class PageCountingCanvas(Canvas):
    """ReportLab's well-known recipe for "Page N of M": hold every page until the count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self.setFont("DejaVuSans-Bold", 7.5)
            self.drawRightString(LETTER[0] - MARGIN, 12 * mm + 18, f"Page {number} of {len(self._pages)}")
            super().showPage()
        super().save()


def render(worksheet_path: Path) -> bytes:
    s = styles()
    worksheet = load(worksheet_path)
    exercises = exercises_of(worksheet, worksheet_path.parent / "exercises")
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm,
                            bottomMargin=28 * mm, invariant=1, title=worksheet["title"])
    width = doc.width
    story = [Paragraph(escape(worksheet["title"]), s["title"]), Paragraph(escape(worksheet.get("subtitle", "")), s["subtitle"]),
             Table([["Client:", "", "Date:", ""], ["Clinician:", "", "", ""]],
                   colWidths=[20 * mm, width / 2, 15 * mm, width / 2 - 35 * mm],
                   style=[("FONTNAME", (0, 0), (-1, -1), "DejaVuSans-Bold"), ("LINEBELOW", (1, 0), (1, 0), 0.5, BORDER),
                          ("LINEBELOW", (3, 0), (3, 0), 0.5, BORDER), ("LINEBELOW", (1, 1), (3, 1), 0.5, BORDER)]),
             Paragraph(escape(worksheet.get("intro", "")), s["body"])]
    if worksheet.get("stop_if"):
        story.append(boxed([Paragraph("Stop and call your clinician if:", s["section"]),
                            *[Paragraph("• " + escape(r), s["body"]) for r in worksheet["stop_if"]]],
                           width, CAUTION_BG, CAUTION_LINE))
    story += [exercise_block(n, e, s, width) for n, e in enumerate(exercises, 1)]
    if worksheet.get("closing"):
        story.append(Paragraph(escape(worksheet["closing"]), s["body"]))
    story += [KeepTogether([Paragraph("Notes", s["section"]), notes_lines(5, width)])]
    if worksheet.get("log"):
        story += [PageBreak(), Paragraph("Tracking log", s["section"]),
                  Paragraph("Tick a box each day you do the exercise. Each evening, write your pain from 0 (none) "
                            "to 10 (worst).", s["body"])]
        for week in range(1, worksheet["log"].get("weeks", 2) + 1):
            story += [log_table(week, exercises, s, width), Spacer(0, 8)]

    def decorate(canvas, document):
        if document.page > 1:
            canvas.setFont("DejaVuSans-Bold", 8)
            canvas.drawString(MARGIN, LETTER[1] - 12 * mm, worksheet["title"])
        footer = Paragraph(escape(worksheet.get("disclaimer", DISCLAIMER)), s["footer"])
        footer.wrapOn(canvas, width - 30 * mm, 40)
        footer.drawOn(canvas, MARGIN, 10 * mm)

    doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=PageCountingCanvas)
    return buffer.getvalue()
