"""mtnorm: find and repair the damage machine translation and scraping leave in text.

>>> import normalize
>>> normalize.fix("talks in kyiv.She said", language="en").text
'talks in Kyiv. She said'
"""

from __future__ import annotations

from .model import Applicability, Category, Document, Edit, Finding, Result
from .pipeline import Pipeline
from .rules import RULES, Rule

__version__ = "0.1.0"


def check(text: str, **options) -> Result:
    """Findings on ``text``; nothing is changed. Options as for :class:`Pipeline`."""
    return Pipeline(**options).check(text)


def fix(text: str, **options) -> Result:
    """``text`` with the safe fixes applied (``unsafe_fixes=True`` for more)."""
    return Pipeline(**options).fix(text)


__all__ = ["Applicability", "Category", "Document", "Edit", "Finding", "Pipeline", "RULES",
           "Result", "Rule", "check", "fix"]
