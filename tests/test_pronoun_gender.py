"""`he` for a woman named as the sentence's subject (MTN611), on sentences the project wrote."""

import pytest

from normalize import Pipeline


def found(text):
    return [f for f in Pipeline(language="en", select=["MTN611"]).check(text).findings]


def test_he_after_a_woman_who_is_the_subject_is_flagged_with_she():
    text = ("After the summit, Ursula Becker presents the plan and, in a video posted online, "
            "he announces three new measures.")
    (f,) = found(text)
    assert text[f.start:f.end] == "he" and f.fix == "she" and f.applicability.value == "display"
    assert f.evidence["person"] == "Ursula Becker"


@pytest.mark.parametrize("text", [
    "Stephanie Lay said she found the letters in her mailbox.",
    # the woman is no subject: an object, a possessive, a name followed by no verb
    "The claim from Christine Ford that he assaulted her was denied.",
    "Presented by Lauren Laverne, he said he spoke out.",
    "One of Theresa May's own MPs suggested he should lead.",
    # someone else between: a man's given name, a post, a husband, a quotation
    "Angela Merkel met Emmanuel Macron and he said no.",
    "Angela Merkel met the president and he said no.",
    "Anna Schmidt thanked her husband, and he smiled.",
    "Anna Schmidt said “he is wrong” on Monday.",
    # a name that is a man's in some language
    "Andrea Rossi arrived late and he apologised.",
])
def test_what_is_no_pronoun_for_her_stays(text):
    assert not found(text)
