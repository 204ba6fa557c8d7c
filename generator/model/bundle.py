"""A worksheet set: several worksheets printed as one booklet."""

from typing import Annotated, Optional

from ..base.record import Record
from .common import Text
from .layout import Clinic
from .rules import NotEmpty


class WorksheetSet(Record):
    title: Text
    subtitle: Optional[Text] = None
    intro: Optional[Text] = None
    worksheets: Annotated[list[Text], NotEmpty()]  # names or paths, relative to the set file
    layout: Optional[Text] = None  # for every worksheet in the set
    disclaimer: Optional[Text] = None
    clinic: Optional[Clinic] = None
