"""The "Try it" exercises of every lesson, registered with :mod:`hemisphere.checks` on import."""

from . import lesson01  # noqa: F401
from . import lesson02  # noqa: F401
from . import lesson03  # noqa: F401
from . import lesson04  # noqa: F401
