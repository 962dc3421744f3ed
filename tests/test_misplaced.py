"""A space one letter off between two words (MTN402), on text the project wrote."""

import pytest

from normalize import Pipeline
from normalize.stages.misplaced import move_space


def result(text, lang="en"):
    return Pipeline(language=lang, unsafe_fixes=True).fix(text)


def moved(text, lang="en"):
    return [f for f in Pipeline(language=lang).check(text).findings if f.rule == "MTN402"]


FIXES = [
    ("en", "We did well in th ehigh nineties.", "We did well in the high nineties."),
    ("en", "A new version o fthe report came out.", "A new version of the report came out."),
    ("en", "There is a warehouse fullo f goods.", "There is a warehouse full of goods."),
    ("en", "It covered the identificatio nof victims.", "It covered the identification of victims."),
    # the letter moves with its case; a capital after it stays (in Advances)
    ("en", 'The paper appeared i nAdvances in Computing.', "The paper appeared in Advances in Computing."),
    # a capital where a sentence starts
    ("en", "Rain fell. Th ecity flooded.", "Rain fell. The city flooded."),
    ("de", "Er sagte, das sdie Regierung nichts tun werde.", "Er sagte, dass die Regierung nichts tun werde."),
    ("fr", "Le présiden tde la République a parlé.", "Le président de la République a parlé."),
    # an elided word next to the pieces is no fragment (n’est, l’ouragan)
    ("fr", "Mais ce n’est plu sle cas.", "Mais ce n’est plus le cas."),
    ("fr", "Les reste sde l’ouragan arrivent.", "Les restes de l’ouragan arrivent."),
    ("it", "Il president edella Repubblica ha parlato.", "Il presidente della Repubblica ha parlato."),
    # the giving piece is a word elsewhere (English `ode`), but the other piece is no
    # word in any language: broken here, not a foreign phrase (cerdo de)
    ("es", "Un cerd ode casi 300 kilos atacó.", "Un cerdo de casi 300 kilos atacó."),
    ("ru", "Всё прошло спокойно. Президен тстраны выступил вчера.",
     "Всё прошло спокойно. Президент страны выступил вчера."),
]


@pytest.mark.parametrize("lang,text,want", FIXES)
def test_fixes(lang, text, want):
    r = result(text, lang)
    assert r.text == want
    assert "MTN402" in [f.rule for f in r.findings]   # (MTN401 may read `edella` as e|della: MTN402 wins)


MUST_NOT_CHANGE = [
    # a real word gives up no letter: `factors uch` lost a letter (factors such), not factor|such
    ("en", "Other factors uch as cost matter."),
    # a doubled letter next to a word is a typed letter too many (a meeting), not am|meeting
    ("en", "It was said at a mmeeting of the board."),
    # one word with a spurious space, not a space one letter off (occur|ring)
    ("en", "Words occurr ing at lower levels."),
    # a word broken by many spaces
    ("en", "The signal was in termi t tent and weak."),
    ("en", "The re la t ive clause is formed."),
    # both pieces are words: no detector can tell without meaning (a nice / an ice)
    ("en", "She bought a nice car."),
    # a name, a URL, a word of another language
    ("en", "Mahama dand Ruto met on Friday."),
    ("en", "See example.com/th ehigh for details."),
    # a capital away from a sentence start is a name's
    ("en", "They met Th ehigh there."),
    # the letter a one-letter function word glued to the piece before or after, a reading as
    # likely as the move (elevou is no likelier than e levou): the glue split takes it (MTN401)
    ("pt", "A divisãoe levou o caso ao tribunal."),
    ("pt", "Ele tem omesmo carro que o pai."),
    ("ru", "Мы решили использоватьв одном проекте."),
]


@pytest.mark.parametrize("lang,text", MUST_NOT_CHANGE)
def test_must_not_change(lang, text):
    assert moved(text, lang) == []


def test_the_fix_is_unsafe_and_keeps_every_character():
    text = "Much of th einformation was lost."
    f = moved(text)[0]
    assert f.applicability.value == "unsafe"
    assert (f.start, f.end) == (text.index("th e"), text.index("einformation") + len("einformation"))
    assert f.replacements[0].replace(" ", "") == text[f.start:f.end].replace(" ", "")
    assert Pipeline(language="en").fix(text).text == text   # (safe fixes only: untouched)


def test_a_glued_one_letter_word_is_split_not_moved():
    # where the move's word is no likelier than the letter and the other piece apart
    assert result("A divisãoe levou o caso.", "pt").text == "A divisão e levou o caso."
    assert result("Ele tem omesmo carro.", "pt").text == "Ele tem o mesmo carro."


def test_move_space_says_which_way():
    assert move_space("th", "ehigh", "en") == 1
    assert move_space("thet", "ime", "en") == -1
    assert move_space("the", "high", "en") == 0
    assert move_space("factors", "uch", "en") == 0
