"""Turn plain-text exercise worksheets into printable PDF handouts.

    >>> import generator
    >>> generator.build("worksheets/upper-back-trigger-points.yaml")  # doctest: +SKIP
    BuildResult(output=PosixPath('out/upper-back-trigger-points.pdf'), pages=3)
"""

__version__ = "0.1.0"

from .build import BuildResult, build, build_bytes  # noqa: E402
from .errors import BuildError, InputError, Problem, WorksheetError  # noqa: E402
from .resolve import Options  # noqa: E402

__all__ = [
    "BuildError",
    "BuildResult",
    "InputError",
    "Options",
    "Problem",
    "WorksheetError",
    "__version__",
    "build",
    "build_bytes",
]
