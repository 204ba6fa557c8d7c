"""Checked handouts and booklets into PDF bytes, with the fonts, styles and picture readers kept between them."""

from __future__ import annotations

from ..base.deadline import Deadline
from ..check.printable import Checked
from ..compose.blocks import compose
from ..compose.i18n import Catalogues
from ..compose.pictures import PictureReaders
from ..compose.styles import StyleBook
from ..compose.wording import Words
from ..resolve.handout import Bundle, Handout
from .document import (
    LATER_TEMPLATE,
    LOG_TEMPLATE,
    Pages,
    PageSetup,
    RenderedPdf,
    column_width,
    handout_metadata,
    metadata,
    page_templates,
    typeset,
)
from .fonts import FontBook

PASSES = 4  # enough for a booklet's contents to settle their page numbers


class Typesetter:
    """Everything drawing reads once and keeps: fonts, styles, picture readers, language catalogues. One per long-running process
    and project; drop it to read everything afresh."""

    def __init__(self) -> None:
        self.fonts = FontBook()
        self.styles = StyleBook()
        self.pictures = PictureReaders()
        self.catalogues = Catalogues()

    def handout(self, handout: Handout, checked: Checked, deadline: Deadline | None = None) -> RenderedPdf:
        layout = handout.layout
        self.fonts.register(layout.fonts, checked.slanted)
        styles = self.styles.styles(layout)
        words = self.words(handout)
        pictures = self.pictures.readers(checked.images)
        logo = pictures.get(handout.clinic.logo) if handout.clinic and handout.clinic.logo else None
        setup = PageSetup(display=handout.display, title=handout.worksheet.title,
                          disclaimer=handout.disclaimer or words.DEFAULT_DISCLAIMER, words=words,
                          clinic=handout.clinic, logo=logo, metadata=handout_metadata(handout))

        def story(pages: Pages):
            return compose(handout, styles, words, pictures, column_width(layout, pages.size),
                           full_width=column_width(layout, pages.size, columns=1))

        return typeset(setup, styles, lambda pages: page_templates(layout, pages), story, deadline=deadline)

    def words(self, handout: Handout) -> Words:
        """The handout's fixed words in its language, and in its second one on a bilingual copy."""
        return Words(self.catalogues.language(handout.language), handout.second_language)

    def bundle(self, bundle: Bundle, checked: Checked, deadline: Deadline | None = None) -> RenderedPdf:
        from ..compose.bundle import Part, bundle_story  # a table of contents costs a handout nothing

        layout = bundle.layout
        self.fonts.register(layout.fonts, checked.slanted)  # the cover's note for the client slants
        for handout in bundle.handouts:
            self.fonts.register(handout.layout.fonts, checked.slanted)
        styles = self.styles.styles(layout)
        words = Words(self.catalogues.language(bundle.language))
        pictures = self.pictures.readers(checked.images)
        logo = pictures.get(bundle.clinic.logo) if bundle.clinic and bundle.clinic.logo else None
        title = bundle.title or words.SET_TITLE
        titles = [handout.worksheet.title for handout in bundle.handouts]
        tags = [tag for handout in bundle.handouts for tag in handout.worksheet.tags]
        setup = PageSetup(display=bundle.display, title=title,
                          disclaimer=bundle.disclaimer or words.DEFAULT_DISCLAIMER, words=words, clinic=bundle.clinic,
                          logo=logo, metadata=metadata(title, bundle.subtitle or "; ".join(titles), tags))

        def templates(pages: Pages):
            own = [page_templates(handout.layout, pages, suffix=f"-{n}", first=False)
                   for n, handout in enumerate(bundle.handouts, start=1)]
            booklet = page_templates(layout, pages, columns=1)  # cover, contents, checklist: full width
            return booklet + [template for pair in own for template in pair]

        def story(pages: Pages):
            parts = [Part(handout=handout, styles=self.styles.styles(handout.layout), words=self.words(handout),
                          width=column_width(handout.layout, pages.size),
                          full_width=column_width(handout.layout, pages.size, columns=1),
                          template=f"{LATER_TEMPLATE}-{n}", log_template=f"{LOG_TEMPLATE}-{n}")
                     for n, handout in enumerate(bundle.handouts, start=1)]
            return bundle_story(bundle, styles, words, column_width(layout, pages.size, columns=1), parts,
                                pictures)

        return typeset(setup, styles, templates, story, passes=PASSES, deadline=deadline)
