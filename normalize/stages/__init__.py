"""Pipeline stages, one concern each. See :mod:`normalize.stages.base`."""

from __future__ import annotations

from .anchors import AnchorStage
from .base import Context, Stage
from .calques import CalqueStage
from .casing import CasingStage
from .encoding import EncodingStage
from .foreign import ForeignTextStage
from .glue import GlueStage
from .language import LanguageStage
from .lexical import ConfusionStage, ConsistencyStage
from .lines import LineBreakStage
from .misplaced import MisplacedSpaceStage
from .namecase import NameCasingStage
from .places import PlaceListStage
from .punctdamage import PunctuationDamageStage
from .punctuation import DoubledPunctuationStage, QuoteStage, SpacingStage
from .quotes import QuotePairStage
from .runtogether import RunTogetherStage
from .typography import TypographyStage
from .variants import NameVariantStage
from .untranslated import UntranslatedStage


def default_stages() -> list[Stage]:
    """The default order: language, encoding, then surface rules, then words."""
    return [LanguageStage(), EncodingStage(), SpacingStage(), DoubledPunctuationStage(), QuoteStage(),
            QuotePairStage(), TypographyStage(), PunctuationDamageStage(), LineBreakStage(),
            RunTogetherStage(), GlueStage(), MisplacedSpaceStage(),
            CasingStage(), NameCasingStage(), AnchorStage(), ConfusionStage(), CalqueStage(), ConsistencyStage(), NameVariantStage(), UntranslatedStage(),
            ForeignTextStage(), PlaceListStage()]


__all__ = ["AnchorStage", "CalqueStage", "CasingStage", "ConfusionStage", "ConsistencyStage", "Context", "DoubledPunctuationStage",
           "EncodingStage", "ForeignTextStage", "GlueStage", "LanguageStage", "LineBreakStage", "MisplacedSpaceStage", "NameCasingStage", "NameVariantStage", "PlaceListStage", "PunctuationDamageStage", "QuotePairStage", "QuoteStage", "RunTogetherStage", "SpacingStage",
           "Stage", "TypographyStage", "UntranslatedStage", "default_stages"]
