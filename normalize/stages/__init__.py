"""Pipeline stages, one concern each. See :mod:`normalize.stages.base`."""

from __future__ import annotations

from .anchors import AnchorStage
from .base import Context, Stage
from .casing import CasingStage
from .encoding import EncodingStage
from .language import LanguageStage
from .lexical import ConfusionStage, ConsistencyStage
from .punctuation import DoubledPunctuationStage, QuoteStage, SpacingStage
from .runtogether import RunTogetherStage
from .untranslated import UntranslatedStage


def default_stages() -> list[Stage]:
    """The default order: language, encoding, then surface rules, then words."""
    return [LanguageStage(), EncodingStage(), SpacingStage(), DoubledPunctuationStage(), QuoteStage(),
            RunTogetherStage(),
            CasingStage(), AnchorStage(), ConfusionStage(), ConsistencyStage(), UntranslatedStage()]


__all__ = ["AnchorStage", "CasingStage", "ConfusionStage", "ConsistencyStage", "Context", "DoubledPunctuationStage",
           "EncodingStage", "LanguageStage", "QuoteStage", "RunTogetherStage", "SpacingStage",
           "Stage", "UntranslatedStage", "default_stages"]
