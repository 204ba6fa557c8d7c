"""The `worksheet` command: arguments in, the front door called, results and problems printed."""

from .main import main, run

__all__ = ["main", "run"]
