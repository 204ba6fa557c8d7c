"""The languages of a handout: the one it prints in, what of it cannot follow that language, and the second
language of a bilingual copy. A missing translation is a warning, or an error with ``--strict``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..base.errors import Problem
from ..load.library import Library, LibraryExercise
from ..load.source import Document, Origin
from ..load.translations import missing_translation, translate
from ..load.validate import load_and_check
from ..model import Exercise, Worksheet
from ..model.choices import LANGUAGE_NAMES, SOURCE_LANGUAGE
from .options import Options, Where


class Lookup:
    """What every entry of a worksheet is resolved against, in which language, and the warnings found on the
    way."""

    def __init__(self, doc: Document, library: Library, options: Options, language: str):
        self.doc, self.library, self.options, self.language = doc, library, options, language
        self.warnings: list[Problem] = []
        self.second_problems: list[Problem] = []  # of the second language's translations
        second = options.second_language
        self.second_language = second if second and second != language else None  # of a bilingual handout

    def fallback(self, problem: Problem, consequence: str = "") -> list[Problem]:
        """Words that cannot be in the language asked for: ``problem`` as an error with --strict; else kept as a
        warning, with ``consequence`` (what prints instead), and nothing returned to stop the build."""
        if self.options.strict:
            return [problem]
        said = f"{problem.message}; {consequence}" if consequence else problem.message
        self.warnings.append(problem.replace(message=said).as_warning())
        return []


def handout_language(worksheet: Worksheet, options: Options) -> str:
    return options.language or worksheet.language or SOURCE_LANGUAGE


def name_of(language: str) -> str:
    return LANGUAGE_NAMES.get(language, language)


def written_in_another_language(worksheet: Worksheet, doc: Document, options: Options) -> Problem | None:
    """Where the build's language is not the one the worksheet is written in: its title, intro, stop signs and
    one-off exercises stay in their own language."""
    own = worksheet.language or SOURCE_LANGUAGE
    if options.language is None or options.language == own:
        return None
    how, undo = _given(options.language, options.language_given_at)
    declared = f"language: {own}" if worksheet.language else "it names no language"
    message = (f"written in {name_of(own)} ({declared}) but {how}; its own text stays {name_of(own)}: {undo}, "
               f"or write a {name_of(options.language)} copy of the worksheet")
    if worksheet.language:
        return doc.problem(("language",), message)
    return Problem(file=doc.display, message=message)


def _given(language: str, where: Where) -> tuple[str, str]:
    """How the build was told its language, and how to leave that out."""
    if where.line:
        return (f"built in {name_of(language)} by {where.file}:{where.line}:{where.column}",
                "leave that language cell empty")
    return f"built with {where.file} {language}", f"leave out {where.file}"


def in_language(exercise_id: str, found: LibraryExercise, at: Problem,
                lookup: Lookup) -> tuple[Exercise, Origin, list[Problem]]:
    """The library exercise in the handout's language; in English, with a warning, where it has no translation."""
    translated, origin, problems = translate(found.exercise, found.doc, lookup.language, lookup.options.limits)
    if translated is not None and origin is not None:
        return translated, origin, []
    if problems:
        return found.exercise, Origin(doc=found.doc), problems
    missing = missing_translation(exercise_id, found.doc, lookup.language)
    return found.exercise, Origin(doc=found.doc), lookup.fallback(at.replace(message=missing), "it prints in English")


def second_words(exercise_id: str, found: LibraryExercise, at: Problem,
                 lookup: Lookup) -> tuple[Exercise | None, Origin | None]:
    """The library exercise in the second language of a bilingual handout, where the library has it, and where
    its words were written."""
    language = lookup.second_language
    if language is None:
        return None, None
    if language == SOURCE_LANGUAGE:
        return found.exercise, Origin(doc=found.doc)
    translated, origin, problems = translate(found.exercise, found.doc, language, lookup.options.limits)
    if translated is not None and origin is not None:
        return translated, origin
    lookup.second_problems += problems
    if not problems:
        missing = missing_translation(exercise_id, found.doc, language)
        lookup.second_problems += lookup.fallback(at.replace(message=missing), "its steps print in one language only")
    return None, None


def second_fields(second: Exercise | None, origin: Origin | None) -> dict[str, Any]:
    """A handout exercise's words in the second language."""
    if second is None:
        return {}
    return {"second_name": second.name, "second_steps": tuple(second.steps), "second_cautions": tuple(second.cautions),
            "second_origin": origin}


def second_worksheet(path: Path, worksheet: Worksheet, lookup: Lookup) -> dict[str, Any]:
    """A bilingual handout's second language, and the worksheet's own title and stop signs in it, taken from its
    copy in that language where there is one: worksheets/es/neck.yaml beside worksheets/neck.yaml (in English).

    A copy that does not load, is in another language, or lists a different number of stop signs gives
    nothing; the handout's fixed words still print in both languages."""
    language = lookup.second_language
    if language is None:
        return {}
    fields: dict[str, Any] = {"second_language": language}
    copy_path = _copy_in(path, worksheet.language or SOURCE_LANGUAGE, language)
    if copy_path is None or not copy_path.is_file():
        return fields
    copy, doc, _problems = load_and_check(copy_path, Worksheet, lookup.options.limits)
    if copy is None or doc is None or (copy.language or SOURCE_LANGUAGE) != language:
        return fields
    fields.update(second_title=copy.title, second_origin=Origin(doc=doc))
    if len(copy.stop_if) == len(worksheet.stop_if):
        fields["second_stop_if"] = tuple(copy.stop_if)
    return fields


def _copy_in(path: Path, own: str, language: str) -> Path | None:
    """Where the worksheet at ``path``, written in ``own``, keeps its copy in ``language``."""
    home = path.parent.parent if own != SOURCE_LANGUAGE and path.parent.name == own else path.parent
    if language == SOURCE_LANGUAGE:
        return home / path.name if home != path.parent else None
    return home / language / path.name
