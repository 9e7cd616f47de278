"""The review checks, one module per family. Importing this package registers them all."""

from jixiao.review.checks import (  # noqa: F401  (registration by import)
    arithmetic,
    conflicts,
    dates,
    places,
    rules,
    scores,
    structure,
    survey,
    units,
    vocabulary,
)
