"""Plain typed data validated from YAML. Nothing here knows about ReportLab."""

from .exercise import POSITIONS, Dosage, Exercise
from .layout import Layout
from .personal import ExerciseChange, Personal
from .worksheet import Entry, Section, Worksheet

__all__ = ["POSITIONS", "Dosage", "Entry", "Exercise", "ExerciseChange", "Layout", "Personal", "Section", "Worksheet"]
