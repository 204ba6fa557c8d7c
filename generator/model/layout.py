"""A layout: everything about how a handout looks, as data."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field

from .common import Colour, Length, Strict, Text

# The fonts every PDF reader has; embedded TrueType fonts are named by file instead.
STANDARD_FONTS = (
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
)
FontName = Literal[STANDARD_FONTS]  # type: ignore[valid-type]
PaperName = Literal["letter", "a4", "legal"]
TypeSize = Annotated[float, Field(ge=4, le=96)]


class Margins(Strict):
    top: Length
    right: Length
    bottom: Length
    left: Length


class Page(Strict):
    size: PaperName = "letter"
    orientation: Literal["portrait", "landscape"] = "portrait"
    margins: Margins


class Fonts(Strict):
    regular: FontName = "Helvetica"
    bold: FontName = "Helvetica-Bold"
    italic: FontName = "Helvetica-Oblique"


class TypeSizes(Strict):
    """Sizes in points; ``line_height`` is a multiple of the size."""

    title: TypeSize
    subtitle: TypeSize
    section: TypeSize
    heading: TypeSize
    body: TypeSize
    small: TypeSize
    footer: TypeSize
    line_height: Annotated[float, Field(ge=1.0, le=3.0)] = 1.3


class Colours(Strict):
    text: Colour
    muted: Colour
    accent: Colour
    rule: Colour
    table_header_background: Colour
    table_border: Colour
    caution_text: Colour
    caution_background: Colour
    caution_border: Colour
    note_background: Colour
    placeholder_background: Colour
    placeholder_border: Colour


class Spacing(Strict):
    paragraph: Length
    exercise_gap: Length
    section_gap: Length
    step_indent: Length
    column_gap: Length
    cell_padding: Length
    footer_gap: Length


class Illustration(Strict):
    width: Length
    height: Length
    side: Literal["left", "right"] = "right"


class Footer(Strict):
    disclaimer: Optional[Text] = None
    rule: bool = True


class Layout(Strict):
    name: Text
    description: Optional[Text] = None
    page: Page
    fonts: Fonts = Fonts()
    sizes: TypeSizes
    colours: Colours
    spacing: Spacing
    illustration: Illustration
    footer: Footer = Footer()
