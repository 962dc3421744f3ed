"""A noun left singular after a number (MTN610), on sentences the project wrote."""

import pytest

from normalize import Pipeline


def fix(text, **kw):
    return Pipeline(language="en", unsafe_fixes=True, select=["MTN610"], **kw).fix(text)


@pytest.mark.parametrize("text, fixed", [
    ("The study found that 12 disease can be spotted early.", "12 diseases can"),
    ("Police held 6 men and 30 protester were detained with 4 officer, too.", "30 protesters were"),
    ("Police held 6 men and 30 protester were detained with 4 officer, too.", "4 officers,"),
    ("It happened with three company in the region.", None),   # a counting word before a preposition
    ("Officials said that several city have run out of water.", "several cities have"),
])
def test_the_noun_after_a_number_is_made_plural(text, fixed):
    r = fix(text)
    if fixed is None:
        assert not r.findings
    else:
        assert fixed in r.text
        assert all(f.rule == "MTN610" and f.applicability.value == "unsafe" for f in r.findings)


@pytest.mark.parametrize("text", [
    "In a 911 call, the driver said the 206 model was faster.",     # after a determiner: a thing's number
    "The state invoked Article 5 protection for its allies.",       # part of a name
    "Inflation rose to 3 percent in May, and fuel cost 1000 euro.", # nouns counted in the singular
    "He weighed eleven stone at 18 and ran 3 times a week.",
    "Turnout in 2020 election was low; about 2.5 million voted.",   # a year, a decimal
    "The illnesses of 21 patients were reported on 3 May.",
    "A 24 hour strike and a 5 year plan were announced.",           # a noun the number modifies
    "Of the 21 illnesses, two stayed in hospital.",
])
def test_what_english_writes_stays(text):
    r = fix(text)
    assert r.text == text and not r.findings


@pytest.mark.parametrize("text, fixed", [
    ("Officials added that “real progress have been made on the talks.", "real progress has been made"),
    ("The evidence are clear, the judge said.", "The evidence is clear"),
    ("He said the new software aren’t ready.", None),   # no clause opener before its phrase
    ("Because climate research haven't stopped, funds flow.", "climate research hasn't stopped"),
])
def test_a_mass_noun_opening_its_clause_takes_a_singular_verb(text, fixed):
    r = fix(text)
    if fixed is None:
        assert r.text == text
    else:
        assert fixed in r.text and {f.rule for f in r.findings} == {"MTN610"}


@pytest.mark.parametrize("text", [
    "He said that education and research are key to growth.",        # two subjects
    "The benefits of this growing knowledge are becoming clear.",    # the noun is no subject
    "Satellites providing navigation information are vulnerable.",
    "If mankind's technological progress were to become an enemy, we would lose.",
    "Millions of pieces of information are added every month.",
    "Firms that research have more patents, and pupils that progress are praised.",   # verbs
])
def test_a_mass_noun_that_is_not_the_subject_stays(text):
    r = fix(text)
    assert r.text == text and not r.findings
