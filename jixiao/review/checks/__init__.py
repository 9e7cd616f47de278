"""The review checks, one module per family. Importing this package registers them all, in
this order — the order in which the review lists its findings: the score table first, then
rates and sums, units, the survey, dates, the outline and the wording."""

# isort: off
from jixiao.review.checks import scores  # noqa: F401  (registration by import)
from jixiao.review.checks import conflicts  # noqa: F401
from jixiao.review.checks import rates  # noqa: F401
from jixiao.review.checks import rules  # noqa: F401
from jixiao.review.checks import sums  # noqa: F401
from jixiao.review.checks import units  # noqa: F401
from jixiao.review.checks import survey  # noqa: F401
from jixiao.review.checks import dates  # noqa: F401
from jixiao.review.checks import structure  # noqa: F401
from jixiao.review.checks import vocabulary  # noqa: F401
from jixiao.review.checks import places  # noqa: F401
# isort: on
