"""Garbled town names in lists of places (MTN608), on text the project wrote."""

import pytest

from normalize import Pipeline
from normalize.stages.places import one_edit


def fix(text, lang="en"):
    pipe = Pipeline(language=lang, unsafe_fixes=True, select=["MTN608"])
    return pipe.fix(text).text


def test_a_town_one_letter_away_in_a_list_of_its_neighbours():
    assert fix("The storm brought alerts in Faro, Olhao, Tavirra and Lagos on Monday, the institute said.") == \
        "The storm brought alerts in Faro, Olhao, Tavira and Lagos on Monday, the institute said."
    assert fix("Les orages ont touché Guimarães, Barcelos et Bragx, selon la protection civile.", "fr") == \
        "Les orages ont touché Guimarães, Barcelos et Braga, selon la protection civile."


@pytest.mark.parametrize("text", [
    # the near town is 500 km from the list's towns: a village of the region, not Braga
    "The storm brought alerts in Faro, Olhão and Bragx on Monday, the institute said.",
    # a word of the language; a list that is no list of towns; a known town
    "The storm brought alerts in Faro, Olhão and Lures on Monday, the institute said.",
    "The prize went to Smith, Jones and Brwon, the jury said on Monday.",
    "The storm brought alerts in Faro, Olhão, Tavira and Lagos on Monday, the institute said.",
])
def test_what_is_no_garbled_town_stays(text):
    assert fix(text) == text


def test_one_edit():
    assert one_edit("loule", "lule") and one_edit("tavira", "tavirra") and one_edit("braga", "bragx")
    assert not one_edit("oeiras", "oeiras") and not one_edit("alenquer", "alengar")
