"""An exercise as the page's detail view shows it: its words as a handout in that language prints them."""

from __future__ import annotations

from ..compose.i18n import Catalogues
from ..compose.wording import Words
from ..load.library import LibraryExercise
from ..load.translations import translate
from ..model.choices import LANGUAGES, SOURCE_LANGUAGE
from ..model.limits import Limits


def exercise_detail(found: LibraryExercise, language: str, limits: Limits, catalogues: Catalogues) -> dict:
    """Name, steps, dose, cautions, tips and variations in ``language`` where the library has the exercise in
    it (else in the library's own, and ``language`` says which was given), with the labels a handout prints."""
    exercise, shown = found.exercise, SOURCE_LANGUAGE
    if language in LANGUAGES and language != SOURCE_LANGUAGE:
        translated, _, _ = translate(found.exercise, found.doc, language, limits)
        if translated is not None:
            exercise, shown = translated, language
    words = Words(catalogues.language(shown))
    variations = [{"level": variation.level,
                   "label": words.EASIER_LABEL if variation.level == "easier" else words.HARDER_LABEL,
                   "text": variation.text or variation.exercise or ""} for variation in exercise.variations]
    return {
        "id": found.id, "language": shown, "name": exercise.name, "summary": exercise.summary or "",
        "position": words.position_words(exercise.position), "equipment": list(exercise.equipment),
        "steps": list(exercise.steps), "dose": " · ".join(words.dose_line_parts(exercise.dosage)),
        "cautions": list(exercise.cautions), "tips": list(exercise.tips), "variations": variations,
        "picture": f"/thumbs/{found.id}.png?size=large",
        "labels": {"position": words.POSITION_LABEL, "equipment": words.EQUIPMENT_LABEL,
                   "cautions": words.CAUTION_LABEL, "tips": words.TIP_LABEL},
    }
