"""What changes for one client: who, when, by whom, and their own doses, notes and skips."""

import datetime
from typing import Optional

from ..base.record import Record
from .common import Text
from .exercise import Dosage


class ExerciseChange(Record):
    dosage: Dosage = Dosage()
    note: Optional[Text] = None


class Personal(Record):
    client: Optional[Text] = None
    date: Optional[datetime.date] = None
    clinician: Optional[Text] = None
    note: Optional[Text] = None
    skip: list[Text] = []
    dosage: Dosage = Dosage()  # for every exercise
    exercises: dict[str, ExerciseChange] = {}  # by exercise id
