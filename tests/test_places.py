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


def test_regions_in_brackets_and_a_name_of_several_words():
    # the list goes on past an item's region in brackets; the garbled word of a
    # longer name is judged, not the name's other words (`de` is a word of English text)
    assert fix("Warnings were issued for Amadora (Lisbon), Odivelas, Vila Franca de Xria and Loures.") == \
        "Warnings were issued for Amadora (Lisbon), Odivelas, Vila Franca de Xira and Loures."


def test_of_two_towns_one_letter_away_the_one_near_most_of_the_list():
    # Eiras lies near Coimbra, Oeiras near the four towns around Lisbon
    assert fix("Alerts in Coimbra, Sintra, Amadora, Oiras, Odivelas and Mafra (Lisbon).") == \
        "Alerts in Coimbra, Sintra, Amadora, Oeiras, Odivelas and Mafra (Lisbon)."


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
