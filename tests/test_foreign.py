"""Text left in another language (MTN803-MTN806) and the language routing of
mixed documents, on text the project wrote."""

import json
import subprocess
import sys

import pytest

from normalize import Pipeline


def findings(text, lang="en", rules=("MTN803", "MTN804", "MTN805", "MTN806")):
    return [f for f in Pipeline(language=lang).check(text).findings if f.rule in rules]


def test_a_line_in_another_script_is_reported_with_its_language():
    text = ("Kremlin repeats its warning about troops\n\nКремль повторяет свое предупреждение о войсках\n\n"
            "The spokesman said on Monday that the deployment of troops near the border worried Moscow.\n")
    (f,) = findings(text)
    assert f.rule == "MTN803" and f.segment_language == "ru"
    assert text[f.start:f.end].startswith("Кремль")


def test_a_line_in_another_script_that_is_most_of_a_short_page_when_the_language_is_given():
    # the Cyrillic line holds most of the letters, which reads as a misjudged language
    # where the language was detected; here the caller said English
    text = ("The strike began on Monday.\nВ Москве прошли акции протеста против повышения пенсионного "
            "возраста.\nThousands joined the marches.\n")
    (f,) = findings(text)
    assert f.rule == "MTN803" and f.segment_language == "ru" and text[f.start:f.end].startswith("В Москве")


def test_a_run_in_another_script_is_reported_once():
    # the English sentence in Russian text is a Latin run (MTN803) and a fragment
    # (MTN801) at once: one observation, said once
    text = ("Министр заявил, что переговоры продолжатся. The government has not yet confirmed the date of "
            "the meeting. Чиновники отказались от комментариев.")
    fs = [f for f in Pipeline(language="ru").check(text).findings if f.rule.startswith("MTN80")]
    assert [f.rule for f in fs] == ["MTN803"] and fs[0].segment_language == "en"


def test_a_bracketed_phrase_in_another_language():
    text = ("The movement [movimento islamita palestiniano] said on Sunday that the talks with the "
            "government had ended, and the ministers went home after a long day of meetings.")
    fs = findings(text)
    # (Portuguese or Italian: the three words are both; langdetect picks one)
    assert any(text[f.start:f.end] == "movimento islamita palestiniano" and f.segment_language in ("pt", "it")
               for f in fs), fs


def test_glosses_left_in_brackets_inside_a_quotation():
    # a quotation in the document's language with two untranslated glosses is no
    # foreign quotation; a word a name begins with (Grupo Bimbo) is foreign in
    # lower case among other foreign words, not alone
    text = ("“The front [movimento revolucionario] is the same as the militia [grupo do Estado Livre] "
            "and we will talk to neither of them,” the minister told reporters in the capital on Monday.")
    spans = {text[f.start:f.end] for f in findings(text)}
    assert spans == {"movimento revolucionario", "grupo do Estado Livre"}, spans
    assert findings("The grupo of friends met on Sunday in the park near the old station, the police said.") == []


def test_a_sentence_opening_word_left_in_english():
    text = ("Un accident s'est produit samedi matin près de la gare. Witnesses ont signalé un incendie dans la "
            "voiture, et les pompiers sont arrivés rapidement sur place pour l'éteindre.")
    assert [f.rule for f in findings(text, "fr")] == ["MTN804"]


def test_a_capitalised_english_word_left_mid_sentence():
    # a word clean English news always writes in lower case, capitalised alone
    # between lower-case words of a Portuguese sentence (a link's or a title's capital)
    text = ("Os moradores enfrentaram a tempestade com uma coragem Remarkable, segundo os bombeiros, "
            "e a cidade voltou ao normal na manhã seguinte.")
    (f,) = findings(text, "pt")
    assert f.rule == "MTN804" and text[f.start:f.end] == "Remarkable" and f.segment_language == "en"


def test_a_date_left_in_english():
    text = "«Siamo partiti il [March 14] … e non abbiamo più nulla», ha detto la donna ai giornalisti a Leopoli."
    (f,) = findings(text, "it")
    assert text[f.start:f.end] == "March 14" and f.segment_language == "en"
    # a month the language writes the same way, and an English line, stay quiet
    assert findings("Die Saison endet am 3 August, sagte der Trainer des Vereins am Montag.", "de") == []
    english = "Il programma della giornata:\nThe final is played on 6 October at the new stadium.\n"
    assert [english[f.start:f.end] for f in findings(english, "it") if "October" in english[f.start:f.end]] == []


@pytest.mark.parametrize("lang,text,want", [
    # the fix writes the day as the language does (dates.tsv)
    ("it", "Siamo partiti il [March 14] dalla città.", "Siamo partiti il [14 marzo] dalla città."),
    ("es", "La reunión del 14 March fue tensa.", "La reunión del 14 de marzo fue tensa."),
    ("de", "Am March 3 begann der Prozess.", "Am 3. März begann der Prozess."),
    ("ru", "Встреча прошла March 14 в Москве.", "Встреча прошла 14 марта в Москве."),
    ("pt", "A reunião de May 05 foi adiada.", "A reunião de 5 de maio foi adiada."),
    # ...and the year after it (the pack's `year` row)
    ("es", "El acuerdo se firmó el March 14, 2024 en Madrid.", "El acuerdo se firmó el 14 de marzo de 2024 en Madrid."),
    ("ru", "Соглашение подписали 14 March 2024 в Москве.", "Соглашение подписали 14 марта 2024 года в Москве."),
])
def test_a_date_left_in_english_gets_the_languages_form(lang, text, want):
    assert Pipeline(language=lang).fix(text).text == text   # (unsafe: only with --unsafe-fixes)
    assert Pipeline(language=lang, unsafe_fixes=True).fix(text).text == want


def test_a_dates_pack_is_checked(tmp_path):
    from normalize.resources import RulePackError
    (tmp_path / "it").mkdir()
    (tmp_path / "it" / "dates.tsv").write_text("month\tday_month\n13\t{day} marzo\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="dates.tsv"):
        Pipeline(language="it", rule_dirs=[str(tmp_path)]).check("Siamo partiti il March 14 dalla città.")


def test_english_transliteration_in_german_and_a_foreign_place_name():
    text = "Präsident Zelenskyy räumte heute ein, dass die Armee Verluste erlitten hat. Zelenskyys Rede war kurz."
    got = Pipeline(language="de", unsafe_fixes=True).fix(text).text
    assert "Selenskyj räumte" in got and "Selenskyjs Rede" in got
    text = "Protesters gathered at a demonstration near München on Saturday."
    assert Pipeline(language="en", unsafe_fixes=True).fix(text).text.endswith("near Munich on Saturday.")


def test_a_foreign_place_name_inside_a_longer_name_is_another_place_or_a_club():
    # the table's spelling of a place, one word of a longer name, names
    # something else: a neighbourhood of Mexico City, a club, a station
    fix = Pipeline(language="en", unsafe_fixes=True).fix
    for text in ("They live in Colonia Juárez, near the centre.",
                 "He plays for FC Bayern München this season.",
                 "The season starts for 1. FC Nürnberg on Friday.",
                 "Trains leave from Praha Hlavní nádraží every hour."):
        assert fix(text).text == text, text
    # alone, or next to a word that opens a sentence, it is still the place
    assert fix("In München it rained.").text == "In Munich it rained."
    assert fix("He flew to Colonia, then home.").text == "He flew to Cologne, then home."


def test_a_clause_left_in_english_in_german_bridges_the_words_both_write():
    # `will`, `position` and `all` are German words too: they continue a run of
    # English words instead of ending it
    text = ("Die Regierung sagte am Montag in Berlin, dass the government will not change its position "
            "on this matter at all, und die Minister gingen danach nach Hause.")
    (f,) = findings(text, "de", ("MTN801",))
    assert text[f.start:f.end] == "the government will not change its position on this matter at" \
        and f.segment_language == "en"
    # a German sentence with a few words English shares stays German
    quiet = "Die Position der Regierung war klar: alle Minister wollen in der Stadt bleiben, sagte er am Montag."
    assert findings(quiet, "de", ("MTN801",)) == []


def test_a_short_quotation_in_its_own_language_is_no_fragment():
    for text, lang in [("Le projet, sous la devise « To be or not to be », comportera une première phase.", "fr"),
                       ('She said only: "La verdad es que no lo sé." Then she left the room.', "en"),
                       # in single marks, straight ones too, which are apostrophes elsewhere
                       ("Die neue Kampagne für mehr Sicherheit auf dem Motorrad, die unter dem Slogan "
                        "'To be or not to be' läuft, wird im Sommer beginnen.", "de"),
                       ("La campagne, sous le slogan 'we are all in this together', commencera cet été "
                        "dans toutes les villes.", "fr")]:
        assert findings(text, lang, ("MTN801",)) == [], text
    # a longer clause is still one
    text = ("El ministro dijo que the government will not change its position on the reform of the "
            "pension system at all.")
    assert [f.segment_language for f in findings(text, "es", ("MTN801",))] == ["en"]


@pytest.mark.parametrize("text,lang", [
    # a title in single marks: a grave accent and an apostrophe, as typewriters wrote them,
    # or curly ones; one word of it flagged, the word model reads the rest in Spanish
    ("Der Regisseur zeigte gestern seinen Film `Los fantasmas de Goya' im Kino der Stadt.", "de"),
    ("Der Regisseur zeigte gestern seinen Film ‘Los fantasmas de Goya’ im Kino der Stadt.", "de"),
    ('The choir closed the evening with the old folk song "Wann du durchgehst durchs Tal" and left.', "en"),
])
def test_a_title_in_another_language_inside_quotation_marks_stays(text, lang):
    assert findings(text, lang, ("MTN804",)) == []


@pytest.mark.parametrize("text,lang", [
    ('He said the result was "a real fracaso for the team" after the match.', "en"),
    ("Er sagte, das Ergebnis sei 'ein echter fracaso für das Team' gewesen.", "de"),
])
def test_a_word_left_inside_a_quotation_in_the_documents_language_is_found(text, lang):
    assert [text[f.start:f.end] for f in findings(text, lang, ("MTN804",))] == ["fracaso"]


@pytest.mark.parametrize("text,lang", [
    ("The new coach brought a certain joie de vivre to the squad this season.", "en"),
    ("She briefed the chargé d’affaires of the embassy on Tuesday.", "en"),
    ("The talks became the pièce de resistance of the summit in Vienna.", "en"),   # its accents half lost
    ("He gave his orders sotto voce, and the soldiers moved on.", "en"),
    ("Only the crème de la crème of the applicants will reach the final round of the selection.", "en"),
    ("Der Trainer brachte der Mannschaft eine gewisse joie de vivre zurück.", "de"),
    ("Last but not least dankte der Trainer seiner Frau für die Unterstützung während der langen Saison.", "de"),
])
def test_a_phrase_the_language_borrowed_is_no_untranslated_text(text, lang):
    assert findings(text, lang, ("MTN801", "MTN804")) == []


def test_loan_phrases_come_from_the_packs_and_cover_only_themselves(tmp_path):
    # a phrase beside the loan is still found; a pack of the user's adds loans
    text = ("The coach said on Monday that the young squad had shown a real joie de vivre in the first half "
            "of the season, but sin ninguna duda le faltaba experiencia in the final weeks of the league.")
    assert [text[f.start:f.end] for f in findings(text, "en", ("MTN801", "MTN804"))] \
        == ["sin ninguna duda le faltaba experiencia"]
    phrase = "The minister spoke of the buen vivir of the people in the valley."
    assert [phrase[f.start:f.end] for f in findings(phrase, "en", ("MTN804",))] == ["buen vivir"]
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "loan_phrases.txt").write_text("# ours\nbuen vivir\n", encoding="utf-8")
    got = Pipeline(language="en", rule_dirs=[str(tmp_path)]).check(phrase).findings
    assert not [f for f in got if f.rule == "MTN804"]


def test_a_clause_two_languages_write_alike_is_named_by_how_often_each_writes_it():
    # Spanish and Portuguese both hold la, guerra, contra and pobreza: the word
    # model, which weighs how often each writes them (la is Spanish's), names it
    text = ("The government said on Monday that the new budget would support schools, hospitals and roads "
            "across the country after a difficult year. The opposition spoke of la guerra contra la pobreza "
            "in the capital on Tuesday.")
    (f,) = findings(text, "en", ("MTN801", "MTN804"))
    assert (text[f.start:f.end], f.segment_language) == ("la guerra contra la pobreza", "es")


@pytest.mark.parametrize("text,lang,phrase", [
    # a short clause left in English, whose words the Romance word lists know (web
    # text quotes them) but write far less often than English does
    ("El ministro de Economía presentó el plan en Madrid. Según el ministro, la reforma llegará al "
     "Congreso in the spring, cuando termine la negociación. Los sindicatos pidieron más reuniones.", "es",
     "in the spring"),
    ("O ministro apresentou o plano em Lisboa. Segundo ele, a lei entra em vigor in the summer, segundo o "
     "jornal. Os sindicatos pediram mais reuniões.", "pt", "in the summer"),
    ("Il ministro ha presentato il piano a Roma. Secondo lui, la legge sarà pronta for the summer, secondo "
     "il giornale. I sindacati hanno chiesto altri incontri.", "it", "for the summer"),
])
def test_a_short_clause_the_word_model_reads_in_another_language(text, lang, phrase):
    got = [(text[f.start:f.end], f.segment_language) for f in findings(text, lang, ("MTN801", "MTN804"))]
    assert got == [(phrase, "en")], got


@pytest.mark.parametrize("text,lang", [
    # a noun phrase the language borrowed (no function word of English in it)
    ("El fondo invirtió en el private equity europeo durante la última década, según el informe anual.", "es"),
    # a name's or a title's words, a gloss in brackets, an address
    ("El robo ocurrió en un cajero automático en Newport on the Levee, según la policía local del estado.", "es"),
    ("Einige Firmen veröffentlichen verschiedene Funktionen im Internet (on the cloud), während das Ergebnis "
     "bald kommt.", "de"),
    ("La temperatura bajó mucho, tal como se comunicó en weather.com durante la noche del martes.", "es"),
    # a line in that language, a phrase other languages borrowed
    ("Il progetto per i giovani in Scozia è partito.\nIl faut bien le faire.\nJohn Edward ne è il direttore.", "it"),
    ("La guitare plus forte montre tout l'impact du rock and roll sur sa musique.", "fr"),
])
def test_a_short_english_clause_that_is_a_name_a_gloss_or_a_loan_stays(text, lang):
    assert findings(text, lang, ("MTN804",)) == []


@pytest.mark.parametrize("text,word,language", [
    # one word the document's language knows only rarely (zipf under 2) that the
    # other writes 3 more: left untranslated, not a loan
    ("The report counted 55,000 unemployed habitants in the state of Sinaloa last year, the government said.",
     "habitants", "fr"),
    ("The deal is worth 60 milliards euros a year, the trade commissioner said on Tuesday in Brussels.",
     "milliards", "fr"),
])
def test_one_word_the_language_barely_knows_and_another_writes_far_more(text, word, language):
    got = [(text[f.start:f.end], f.segment_language) for f in findings(text, "en", ("MTN801", "MTN804"))]
    assert got == [(word, language)], got


@pytest.mark.parametrize("text", [
    "Snow and ice reached 24 départements in France on Tuesday, the weather service said.",   # a loan, one word
    "His fears and idées fixes about the plot kept him awake, his sister told the court.",   # a loan's plural
    "A spokesman for the Caisse nationale d'assurance maladie (CNAM) said the fund would pay.",   # a name
])
def test_one_rare_foreign_word_that_is_a_loan_or_a_names_stays(text):
    assert findings(text, "en", ("MTN801", "MTN804")) == []


def test_navigation_words_alone_on_their_lines():
    text = ("The talks in Brussels ended on Sunday without an agreement.\n\nPublicidad\n\n"
            "The ministers will meet again next month.\n\nAnzeige\n\nLeer más\n\nLire aussi: the talks of May\n")
    got = [(text[f.start:f.end], f.segment_language) for f in findings(text)]
    assert got == [("Publicidad", "es"), ("Anzeige", "de"), ("Leer más", "es"), ("Lire aussi", "fr")], got
    # a lower-case word alone on its line, which the language knows a little
    # (a loan mid-sentence) but another writes far more: a tag left in the source
    tag = "Die Mannschaft gewann am Sonntag.\n\nsino\n\nDie Spielerinnen reisen morgen weiter.\n"
    assert [(tag[f.start:f.end], f.segment_language) for f in findings(tag, "de")] == [("sino", "es")]
    assert findings("Die Mannschaft spielte sino am Sonntag weiter.\n", "de") == []
    # a name, a place alone on a line (a byline, a dateline) stay quiet
    for quiet in ("The talks ended on Sunday.\n\nGutiérrez\n\nThe ministers met again.\n",
                  "The talks ended on Sunday.\n\nMadrid\n\nThe ministers met again.\n"):
        assert findings(quiet) == [], quiet


def test_a_caption_whose_words_the_languages_share():
    """An Italian caption in a French article: its function words (il, la, a)
    are French too, so it has fewer than five words of its own language; a
    line where no word is the document's own counts them (`Foto:` and the
    place around it are names). The line is all Italian, so the whole line is
    the finding."""
    text = ("Le ministre est arrivé lundi à Rome pour des entretiens avec son homologue.\n"
            "Foto: il ministro durante la conferenza stampa a Roma.\n"
            "Il repartira mardi pour Paris, selon son entourage.\n")
    (f,) = findings(text, "fr", ("MTN801",))
    assert text[f.start:f.end] == "Foto: il ministro durante la conferenza stampa a Roma" and f.segment_language == "it"


def test_a_sentence_in_a_close_language_is_checked_with_its_segment():
    """Portuguese in Spanish: the fragment left once the words both write are
    trimmed (`vai ajudar milhares de famílias jovens`) is too short for
    langdetect to be sure (0.7), the sentence around it is all Portuguese."""
    text = ("El gobierno aprobó ayer la nueva ley de vivienda tras un largo debate en el Congreso. "
            "O ministro disse que a medida vai ajudar milhares de famílias jovens a encontrar casa. "
            "La oposición anunció que recurrirá la norma ante el Tribunal Constitucional.\n")
    (f,) = findings(text, "es", ("MTN801",))
    assert f.segment_language == "pt" and "ajudar milhares" in text[f.start:f.end]


def test_three_words_both_languages_write_bridge_a_fragment():
    """`a miles de` is French and Portuguese too: three such words in a row no
    longer cut a Spanish sentence in two fragments too short to report."""
    sentence = "El ministro dijo que la medida ayudará a miles de familias jóvenes a encontrar casa."
    for lang, before, after in [
            ("fr", "Le gouvernement a adopté hier la nouvelle loi sur le logement après un long débat.",
             "L'opposition a annoncé qu'elle contesterait le texte devant le Conseil constitutionnel."),
            ("pt", "O governo aprovou ontem a nova lei da habitação após um longo debate no parlamento.",
             "A oposição anunciou que vai contestar a norma no Tribunal Constitucional.")]:
        text = f"{before} {sentence} {after}\n"
        assert [f.segment_language for f in findings(text, lang, ("MTN801",))] == ["es"], lang


def test_a_menu_left_in_the_source_language():
    """A scraped menu or breadcrumb: each item stands between bars as a
    section word stands alone on its line; the site's own menu and a list of
    places stay quiet."""
    text = ("The talks in Brussels ended on Sunday without an agreement.\n"
            "Inicio › Economía › Internacional\nThe ministers will meet again next month.\n")
    got = [(text[f.start:f.end], f.segment_language) for f in findings(text)]
    assert got == [("Inicio", "es"), ("Economía", "es"), ("Internacional", "es")], got
    for quiet in ("Home | World | Europe\nThe talks ended on Sunday.\n",
                  "Madrid | Barcelona | Sevilla\nThe talks ended on Sunday.\n"):
        assert findings(quiet) == [], quiet


def test_a_caption_in_a_related_language_on_its_own_line():
    # Italian in French: the function words (la, al, del) are Spanish too, so
    # the words decide, for a line of its own
    text = ("Des milliers de personnes ont manifesté samedi à Rome contre la réforme du gouvernement.\n\n"
            "La folla davanti al palazzo del governo durante la protesta\n\n"
            "Les syndicats ont annoncé une nouvelle grève pour la semaine prochaine, selon les organisateurs.\n")
    (f,) = findings(text, "fr", ("MTN801",))
    assert text[f.start:f.end] == "La folla davanti al palazzo del governo durante la protesta" \
        and f.segment_language == "it"
    # a French sentence inside an Italian paragraph: its elided words (n'a) count for
    # the language that writes their parts
    text = ("Il ministro ha detto che i negoziati riprenderanno. Le gouvernement n'a pas confirmé la date "
            "de la réunion. I funzionari non hanno commentato.")
    (f,) = findings(text, "it", ("MTN801",))
    assert text[f.start:f.end] == "gouvernement n'a pas confirmé la date de la réunion" and f.segment_language == "fr"
    # a longer clause holds words both languages write (migrants, rose), one for every two foreign ones
    text = ("Le ministre a déclaré mardi que les négociations avec les syndicats reprendraient la semaine "
            "prochaine. Selon le rapport, the number of migrants rose sharply cette année à la frontière, "
            "a indiqué le ministère de l'Intérieur dans un communiqué.")
    (f,) = findings(text, "fr", ("MTN801",))
    assert text[f.start:f.end] == "the number of migrants rose sharply" and f.segment_language == "en"
    # a title inside a sentence is no fragment
    title = ("Four films may represent Spain this year: his Sangre de mayo, Siete mesas de billar francés, "
             "and another one that the jury liked.")
    assert findings(title, "en", ("MTN801",)) == []


def test_a_sentence_in_a_related_language_inside_a_paragraph():
    # the function words both languages write (a, que, la, se) bridge the
    # foreign words; the words decide the language of a long enough fragment
    text = ("El ministro habló el lunes con los representantes de los sindicatos en la sede del gobierno. "
            "Le ministre a déclaré que les discussions se poursuivraient la semaine prochaine. "
            "Las conversaciones seguirán durante las próximas semanas, según fuentes del ministerio.")
    (f,) = findings(text, "es", ("MTN801",))
    assert text[f.start:f.end] == "ministre a déclaré que les discussions se poursuivraient la semaine prochaine" \
        and f.segment_language == "fr"
    # a title inside a sentence, in quotation marks or after a capital, stays quiet
    title = ("Die Neuausgabe von `Diario de un poeta recién casado' erscheint im Herbst bei einem kleinen Verlag "
             "in Berlin, wie die Herausgeber am Montag mitteilten.")
    assert findings(title, "de", ("MTN801",)) == []


@pytest.mark.parametrize("lang,text,passage", [
    # a short sentence left in English inside a paragraph: its opening `The`,
    # Capitalised, is a function word of English, none of the document's
    ("it", "Il ministro ha detto lunedì che i negoziati sono falliti. The opposition called for new elections. "
           "L'opposizione ha chiesto nuove elezioni.", "The opposition called for new elections"),
    ("de", "Der Minister sagte am Montag, die Gespräche seien gescheitert. The opposition called for new elections "
           "immediately. Die Opposition forderte Neuwahlen.", "The opposition called for new elections immediately"),
    ("en", "The minister said on Monday that the talks had failed. La oposición pidió nuevas elecciones. "
           "The opposition called for new elections.", "La oposición pidió nuevas elecciones"),
])
def test_a_sentence_opened_by_another_languages_function_word(lang, text, passage):
    (f,) = findings(text, lang, ("MTN801",))
    assert text[f.start:f.end] == passage


def test_a_line_all_in_another_language_keeps_its_first_word_a_names():
    """A short line all in another language is a motto a writer chose: its
    first word does not make its run a sentence's (the opener counts only in a
    line of the document's language)."""
    text = ("The project for young people in Scotland started on Monday in many schools.\nIl faut bien le faire.\n"
            "John Edward is its director and speaks of a great chance for all the pupils.")
    assert findings(text, "en", ("MTN801",)) == []


def test_foreign_words_inside_a_fragment_are_said_once():
    # MTN804 finds the Italian words too; the fragment's finding covers them
    text = ("Der Minister sprach am Montag mit den Gewerkschaften. Il ministro ha detto che i colloqui "
            "continueranno la prossima settimana. Die Gespräche gehen weiter.")
    got = [(f.rule, f.segment_language) for f in Pipeline(language="de").check(text).findings]
    assert got == [("MTN801", "it")], got
    # alone, the word-level findings stay
    assert [f.rule for f in Pipeline(language="de", select=["MTN804"]).check(text).findings] == ["MTN804", "MTN804"]


def test_a_fragment_that_is_most_of_a_detected_text_is_no_fragment():
    # a one-line text whose detected language is wrong is not reported as a
    # fragment of another language; one whose language the caller gave is
    from normalize.model import Document
    text = "El ministro dijo que the government will not change its position on the reform of the pension system."
    given = Pipeline(language="es").check(Document(text))
    detected = Pipeline(language="es").check(Document(text, metadata={"language_detected": True}))
    assert [f.rule for f in given.findings if f.rule == "MTN801"] == ["MTN801"]
    assert [f.rule for f in detected.findings if f.rule == "MTN801"] == []


@pytest.mark.parametrize("lang,text,fragment,other", [
    # three or four words, every one of them another language's and two its
    # function words, inside a text long enough that its own language is sure
    ("fr", "Le ministre a parlé lundi devant les députés. Vraiment, vous voulez toujours voir with the war on "
           "les signes positifs, a-t-il dit, avant de quitter la salle sous les applaudissements de la majorité.",
     "with the war", "en"),   # (French writes `on`: a shared word ends no fragment)
    ("it", "Il sindaco ha presentato il piano lunedì mattina. Secondo il comune, i lavori in the cities will "
           "cominciare a marzo e dureranno almeno due anni, con un costo di quaranta milioni di euro.",
     "the cities will", "en"),   # (Italian writes `in`)
    # the function words do not decide (`in` is Italian and German too): the words' vote does
    ("fr", "Le gouvernement a présenté son budget lundi devant les députés. Selon le ministre, the debt crisis in "
           "2010 pèse encore sur les comptes publics, et la croissance restera faible pendant deux ans au moins.",
     "the debt crisis in", "en"),
    # one word of the clause both languages write (French `films`)
    ("fr", "Le ministre a parlé lundi devant les députés de la majorité. Il a rappelé some films you acted "
           "dans sa jeunesse, avant de quitter la salle sous les applaudissements de ses amis politiques.",
     "some films you acted", "en"),
    # four words, every one of them English, one a function word
    ("es", "El gobierno presentó el presupuesto el lunes ante los diputados. Según el ministro, el seguro "
           "prices have risen sharply este año, y los precios seguirán subiendo durante al menos dos años.",
     "prices have risen sharply", "en"),
])
def test_a_short_clause_left_in_another_language(lang, text, fragment, other):
    (f,) = findings(text, lang, ("MTN801",))
    assert (text[f.start:f.end], f.segment_language) == (fragment, other)


def test_a_short_clause_needs_a_sure_text_and_function_words():
    # the same words in a short text (its language may be misjudged), and a run
    # of three foreign words with one function word (a loan phrase: fake news)
    assert findings("Vraiment, vous voulez voir with the war on les signes.", "fr", ("MTN801",)) == []
    text = ("Le ministre a parlé lundi devant les députés de la majorité. Il a dénoncé les fake news daily "
            "sur les réseaux, avant de quitter la salle sous les applaudissements de ses amis politiques.")
    assert findings(text, "fr", ("MTN801",)) == []
    # a name after an elided article, a title in single quotes
    text = ("Twelve people were killed in the fighting in northern Syria on Monday, announced "
            "l'Observatoire syrien des droits de l'homme (OSDH), a monitoring group based in London.")
    assert findings(text, "en", ("MTN801",)) == []
    text = ("Die Autorin las am Abend in Caracas, wo sie die zweite Runde von 'Los placeres de la lengua' "
            "eröffnen sollte, ein Zyklus, der im Herbst mit weiteren Lesungen fortgesetzt wird.")
    assert findings(text, "de", ("MTN801",)) == []
    # four foreign words with one function word: not the end of a name (after
    # a Capitalised word and a function word), nor an acronym's expansion, nor
    # a line of their own (a motto the writer chose)
    base = "El gobierno presentó el presupuesto el lunes ante los diputados de la mayoría en el Congreso. "
    for clause in ("Habló el presidente de la Société de développement des entreprises culturelles, y se fue. ",
                   "Habló el presidente de la sociedad développement des entreprises culturelles (SODEC) ayer. ",
                   "Il faut bien le faire.\n"):
        assert findings(base + clause + base, "es", ("MTN801",)) == []
    # a title whose next word is Capitalised
    text = ("Le festival de Montréal a ouvert ses portes lundi soir devant un public nombreux.\n"
            "Shake hands with the Devil est à l'affiche, et le réalisateur a répondu aux questions du public.")
    assert findings(text, "fr", ("MTN801",)) == []


def test_a_word_of_a_language_beyond_the_seven():
    # Turkish and Polish words MT left in a Portuguese and an English text,
    # reported with their language
    text = "O número de açıklama ainda é pequeno, disseram os bombeiros à imprensa na manhã de terça-feira."
    (f,) = findings(text, "pt")
    assert text[f.start:f.end] == "açıklama" and f.segment_language == "tr"
    text = "The city council said the wybory would be held in the spring, after a long debate on Monday."
    (f,) = findings(text)
    assert text[f.start:f.end] == "wybory" and f.segment_language == "pl"
    # a word the text's language writes a little (hafta: a few English pages
    # quote Turkish) but that language far more: one phrase, not three pieces
    text = "The minister spoke on Monday. Bakan, görüşmelerin önümüzdeki hafta devam edeceğini söyledi. Talks go on."
    (f,) = findings(text)
    assert text[f.start:f.end] == "önümüzdeki hafta devam edeceğini söyledi" and f.segment_language == "tr"
    # a form of a word the language knows stays its own (argumenter: argumentera)
    assert findings("Il argumentera devant le tribunal sur le rejet de la loi lundi prochain.", "fr") == []


def test_a_source_word_too_rare_for_the_lists_is_known_by_its_ending():
    text = "He spoke of the worst of corruptions, which is transfugismo, and of the next destinazione."
    got = [(text[f.start:f.end], f.segment_language) for f in findings(text)]
    assert got == [("transfugismo", "es"), ("destinazione", "it")], got
    # a loan English knows, an address, a capitalised name stay quiet
    for quiet in ("The machismo of the era.", "See example.com/transfugismo for more.",
                  "He met Rodrigo Transfugismo on Monday."):
        assert findings(quiet) == [], quiet


def test_an_elided_article_left_before_an_acronym_or_a_word():
    text = "L’ONU was late. Shares fell as l'euro weakened, and the board met at l'hôpital."
    got = [(text[f.start:f.end], f.fix, f.applicability.value) for f in findings(text)]
    # the article's fix where the word is English too; a pointer where it is not
    assert got == [("L’ONU", "The ONU", "unsafe"), ("l'euro", "the euro", "unsafe"),
                   ("l'hôpital", None, "display")], got
    assert findings("The rebels kept dell'UE in the text.")[0].segment_language == "it"
    # names, loans written with d', a foreign phrase (its own finding, if
    # any, is the phrase's), a one-letter tail
    for quiet in ("He met L'Oréal staff and d'Estaing in Côte d'Ivoire after the coup d'état.",
                  "The painting was a trompe l'oeil of the hall.", "The Morras (l'ds) text."):
        assert [f for f in findings(quiet) if "article" in f.message] == [], quiet


def test_a_russian_word_left_in_latin_letters():
    text = ("The crowd chanted nezavisimost on the square, and the spetsialnaya voennaya operatsiya "
            "went on, said the obshchestvo's chairman.")
    got = [(text[f.start:f.end], f.segment_language, f.evidence.get("cyrillic")) for f in findings(text)]
    assert got == [("nezavisimost", "ru", "независимость"),
                   ("spetsialnaya voennaya operatsiya", "ru", "специальная военная операция")], got
    # names are capitalised (a stadium, a paper), a quoted word is a mention,
    # loans English knows stay, and so does a word with no Russian reading
    for quiet in ("The Yunost stadium and Rossiyskaya Gazeta reported it.",
                  "It comes from the word for pressure ('davlenie') and « krysha ».",
                  "The siloviki met at the dacha to discuss kompromat and glasnost.",
                  "The quokkas of Rottnest were photographed."):
        assert findings(quiet) == [], quiet
    # in other languages that write Russian the English way
    (f,) = findings("Los manifestantes gritaban nezavisimost en la plaza.", "es")
    assert f.segment_language == "ru"


def test_an_acronym_of_the_source_language_left_in_latin_letters():
    text = ("Officials said the SVO would go on, and that BPLAs had been shot down. "
            "The OON called for talks. SVO began in February.")
    fs = findings(text, rules=("MTN807",))
    assert [(text[f.start:f.end], f.replacements, f.segment_language) for f in fs] == [
        ("SVO", ("special military operation",), "ru"), ("BPLAs", ("UAVs",), "ru"),
        ("OON", ("UN",), "ru"), ("SVO", ("Special military operation",), "ru")]
    fixed = Pipeline(language="en", unsafe_fixes=True).fix(text).text
    assert fixed == ("Officials said the special military operation would go on, and that UAVs had been "
                     "shot down. The UN called for talks. Special military operation began in February.")
    # where an article must agree with a phrase, the phrase is a suggestion only
    (f,) = findings("El portavoz dijo que los VSU y la ONU hablaron.", "es", ("MTN807",))
    assert f.replacements == ("Fuerzas Armadas de Ucrania",) and f.applicability.value == "display"
    # headlines in capitals, addresses and other words stay quiet
    for quiet in ("OFFICIALS SAY SVO ENDS TODAY", "See https://example.org/SVO/report and the SVOs-list.",
                  "The Svo river and the svo format.", "Flights to SVO were delayed at the airport on Monday.",
                  "Greenland's broadcaster KNR reported the vote."):
        assert findings(quiet, rules=("MTN807",)) == []


def test_source_acronyms_point_to_the_source_language():
    text = "The OON and the OBSE spoke about the SVO on Monday, officials said in a statement."
    guess = Pipeline(language="en").check(text).stats["source_language_guess"]
    assert guess["language"] == "ru" and {e["kind"] for e in guess["evidence"]} == {"acronym"}


def test_a_user_pack_adds_source_acronyms(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "source_acronyms.tsv").write_text("acronym\tsource\tlocal\nZQX\ttr\tQQ\n", encoding="utf-8")
    r = Pipeline(language="en", unsafe_fixes=True, rule_dirs=[str(tmp_path)]).fix("They met the ZQX and the SVO.")
    assert r.text == "They met the QQ and the special military operation."
    # a row's `unless` pattern is checked like any rule pack's pattern
    from normalize.resources import RulePackError
    from normalize.stages.foreign import source_acronyms
    source_acronyms.cache_clear()   # (the pack is read once per folder; this test rewrites it)
    (tmp_path / "en" / "source_acronyms.tsv").write_text("acronym\tsource\tlocal\tunless\nZQY\ttr\tQQ\t(a+)+\n",
                                                        encoding="utf-8")
    with pytest.raises(RulePackError, match="unless"):
        Pipeline(language="en", rule_dirs=[str(tmp_path)]).check("They met the ZQY.")
    source_acronyms.cache_clear()


def test_the_segment_detector_is_an_option(monkeypatch):
    from normalize.stages import language
    text = "The strike (greve geral dos professores) began on Monday in every school of the city."
    (f,) = findings(text)
    assert f.segment_language == "pt"
    # the detector the options name is asked (here one that always says French)
    monkeypatch.setitem(language.SEGMENT_DETECTORS, "lingua", (lambda t: [("fr", 0.99)], "lingua"))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    (f,) = [f for f in Pipeline(language="en", options={"segment_detector": "lingua"}).check(text).findings
            if f.rule == "MTN804"]
    assert f.segment_language == "fr"


def test_an_unknown_or_missing_segment_detector_is_refused(monkeypatch, tmp_path):
    from normalize.config import ConfigError, load_config_file
    with pytest.raises(ValueError, match="unknown segment detector"):
        Pipeline(options={"segment_detector": "cld9"})
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(ValueError, match=r"pip install 'mtnorm\[lingua\]'"):
        Pipeline(options={"segment_detector": "lingua"})
    cfg = tmp_path / ".mtnorm.toml"
    cfg.write_text('segment-detector = "py3langid"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"segment-detector.*mtnorm\[langid\]"):
        load_config_file(cfg)


@pytest.mark.parametrize("detector", ["lingua", "py3langid"])
def test_the_optional_detectors_name_short_segments(detector):
    pytest.importorskip(detector)
    from normalize.stages.language import segment_probabilities
    for words, lang in [("manifestación pacífica", "es"), ("Il faut bien le faire", "fr"),
                        ("die Bundesregierung", "de"), ("переговоры", "ru")]:
        assert segment_probabilities(words, detector)[0][0] == lang, (detector, words)
    assert segment_probabilities("2024", detector) == []   # no letters: no language


def test_the_word_model_names_short_segments():
    from normalize.stages.language import check_segment_detector, segment_probabilities
    check_segment_detector("words")   # built in: no extra to install
    for words, lang in [("opposition criticised", "en"), ("manifestación pacífica", "es"),
                        ("Il faut bien le faire", "fr"), ("die Bundesregierung", "de"),
                        ("переговоры", "ru"), ("la partita di calcio", "it"), ("as eleições", "pt")]:
        assert segment_probabilities(words, "words")[0][0] == lang, words
    assert segment_probabilities("2024 Xqzvw", "words") == []   # no word any language knows: no language


def test_a_segments_language_is_checked_against_the_word_model():
    # langdetect (seeded) calls "opposition criticised" Italian with near
    # certainty; the words are English's, not Italian's, so the finding names English
    # (MTN804's finding: by default MTN801 takes the sentence, `The` opening it)
    text = ("Министр представил в понедельник новый бюджет. The opposition criticised the plan. "
            "Оппозиция потребовала голосования.")
    (f,) = [f for f in Pipeline(language="ru", select=["MTN804"]).check(text).findings if f.rule == "MTN804"]
    assert f.segment_language == "en"
    # a language beyond the seven, which the model does not know, keeps the lists' name
    (f,) = [f for f in Pipeline(language="pt").check("O número de uygulamalar é ainda gerenciável.").findings
            if f.rule == "MTN804"]
    assert f.segment_language == "tr"


@pytest.mark.parametrize("lang,text,passage", [
    # the function word that opens a passage left in another language, which the
    # document's language does not have, is the passage's (El, The)...
    ("en", "El ministro habló.\nThe strike began on Monday in every school of the city.", "El ministro habló"),
    # ...and a short function word between its words is bridged by any language its
    # words were found in (opposition: French or English; criticised: English)
    ("ru", "Министр представил в понедельник новый бюджет. The opposition criticised the plan. "
           "Оппозиция потребовала голосования.", "The opposition criticised the plan"),
    # (a clause, MTN801, too)
    ("de", "Der Minister sprach am Montag mit den Gewerkschaften. Il ministro ha detto che i colloqui "
           "continueranno la prossima settimana. Die Gespräche gehen weiter.",
     "Il ministro ha detto che i colloqui continueranno la prossima settimana"),
])
def test_an_untranslated_passage_is_reported_whole(lang, text, passage):
    (f,) = [f for f in Pipeline(language=lang).check(text).findings if f.rule in ("MTN801", "MTN804")]
    assert text[f.start:f.end] == passage


def test_a_place_in_the_source_spelling_beside_the_local_one():
    # Spanish writes London (Jack London, London School of Economics), so the list
    # leaves it out; in a text translated from English that writes Londres too,
    # London is the source's spelling left by the translation
    text = "El primer ministro viajó a London el lunes; en Londres se reunió con el rey."
    (f,) = [f for f in Pipeline(language="es", source_language="en").check(text).findings if f.rule == "MTN806"]
    assert text[f.start:f.end] == "London" and f.replacements == ("Londres",)
    # no source known, a longer name, or no local spelling in the text: quiet
    assert not [f for f in Pipeline(language="es").check(text).findings if f.rule == "MTN806"]
    for quiet in ("Llegó a London St Pancras y luego a Londres.", "El escritor Jack London vivió en California."):
        assert not [f for f in Pipeline(language="es", source_language="en").check(quiet).findings
                    if f.rule == "MTN806"], quiet


@pytest.mark.parametrize("sentence,passage", [
    # a letter Russian never writes (і, ї, є, ґ): Ukrainian left by a translation
    # from Ukrainian (not one such word in the clean Russian news)
    ("Он заявил, що сторони досягли згоди щодо обміну полоненими.", "обміну полоненими"),
    # a Ukrainian word Russian does not know at all, common in Ukrainian
    ("Министр сказал, что переговоры продолжатся наступного недели.", "наступного"),
])
def test_ukrainian_left_in_russian(sentence, passage):
    text = ("Министр представил бюджет в понедельник в Москве депутатам. " + sentence
            + " Профсоюзы раскритиковали текст, который обсудят в парламенте.")
    (f,) = [f for f in Pipeline(language="ru").check(text).findings if f.rule == "MTN804"]
    assert (text[f.start:f.end], f.segment_language) == (passage, "uk")


QUIET = [
    # beyond the seven: a name's lower-case word (a street), a capitalised name,
    # an inflection the language's list lacks (argumentera), Ukrainian in Russian
    ("en", "Protesters walked down Kounicova ulice to the town hall on Monday."),
    ("es", "Tempur se ablanda con el calor, dijo el fabricante del colchón en la feria."),
    ("fr", "Le ministre argumentera devant le tribunal sur le rejet de la loi la semaine prochaine."),
    ("ru", "Депутат заявил, что суд рассмотрит дело забанив пользователя в понедельник."),
    ("en", "The golfers played the rough and the fairway; a cause celebre, per se, in Mülheim/Essen and at Mauer."),
    ("es", "El equipo juega en el rough; los tackles y el basket average, dijo el técnico en Múnich."),
    ("en", 'He read "Diario de un poeta recién casado" and "Cien años de soledad" on the train to Rome.'),
    ("ru", "Сервисы Google Drive, Microsoft Outlook, Slack и Spotify работают; шоу MSNBC «The Rachel Maddow Show»."),
    ("de", "Die Rede von Johnny English, dem Helden von Johnny Englishs Film, war kurz."),
    ("en", "Fans of AS Roma and Napoli met in Rome; Paris Saint-Germain played in London."),
    # an English surname or brand in a Romance text; a German word capitalised in an English one
    ("fr", "Selon Brown, le projet de la société Uber avance, et Langsam est sûr du calendrier."),
    ("en", "The bridge opens in spring, and the engineer Langsam thinks the budget will hold."),
]


@pytest.mark.parametrize("lang,text", QUIET)
def test_names_titles_and_loans_stay_quiet(lang, text):
    assert findings(text, lang) == []


def test_a_documents_language_is_that_of_most_of_its_text():
    english = ("The talks in Brussels ended on Sunday without an agreement, and the ministers said they "
               "would meet again next month to discuss the budget and the rules for the banks. ") * 12
    text = "Переговоры в Брюсселе завершились без соглашения\n\n" + english
    assert Pipeline().check(text).language == "en"
    # short text in Cyrillic is Russian, whatever its length
    assert Pipeline().check("Так как оно работает?").language == "ru"


def test_json_reports_each_segments_language(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The president spoke on Monday about the budget and the banks.\n\n"
                 "Президент выступил в понедельник с речью о бюджете и банках страны.\n\n"
                 "The ministers agreed with him on most of the points he made about the rules.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "normalize", "check", "--format", "json", "--lang", "en", str(p)],
                       capture_output=True, text=True)
    doc = json.loads(r.stdout)
    seg = [f for f in doc["files"][0]["findings"] if f["rule"] == "MTN803"]
    assert seg and seg[0]["segment_language"] == "ru"


def test_a_source_article_left_before_a_name_the_text_writes_bare():
    text = ("“O Hamas is a movement,” he said. Israel wants to oust Hamas, and Hamas refuses. "
            "Ministers said la Moncloa would answer. The Moncloa denied it, and the Moncloa wrote so.")
    got = [(text[f.start:f.end], f.fix, f.applicability.value, f.segment_language)
           for f in findings(text) if "article" in f.message]
    # the article dropped, or `the` where the text writes the name so
    # (`la` is Spanish, French and Italian: the finding names all three)
    assert got == [("O Hamas", "Hamas", "unsafe", "pt"), ("la Moncloa", "the Moncloa", "unsafe", None)], got
    assert "es or fr or it" in [f for f in findings(text) if "article" in f.message][1].message
    # names that hold their article, names the text never writes bare, a
    # particle's article, a capitalised article mid-sentence
    for quiet in ("El Salvador's capital San Salvador was calm. El Salvador voted. Voters in El Salvador cheered.",
                  "Marine Le Pen spoke. Le Pen said so. Voters backed Le Pen.",
                  "“O Hamas is a movement,” he said, of the group.",
                  "Judge Maria de la Cruz ruled. Cruz said no, and Cruz left.",
                  "He flew to La Paz. Paz was calm, and Paz slept."):
        assert [f for f in findings(quiet) if "article" in f.message] == [], quiet


def test_an_english_word_left_where_a_sentence_opens():
    # English writes `eyewitness` only ten-odd times as often as French: too
    # little mid-sentence, enough where it opens a sentence before French words
    text = ("Une voiture a pris feu samedi matin près de la gare. Eyewitness a signalé un incendie "
            "violent, et les pompiers sont arrivés rapidement sur place.")
    (f,) = findings(text, "fr")
    assert text[f.start:f.end] == "Eyewitness" and f.segment_language == "en"
    # a name that opens two sentences, a word the language knows, a word
    # mid-sentence, a capitalised word before another
    for quiet in ("Une voiture a pris feu samedi. Farage a parlé hier. Farage a répété ses critiques.",
                  "Une voiture a pris feu samedi. Parade a été annulée hier soir.",
                  "Une voiture a pris feu samedi, eyewitness a signalé un incendie.",
                  "Une voiture a pris feu samedi. Eyewitness News a signalé un incendie."):
        assert findings(quiet, "fr") == [], quiet



FRENCH_AROUND = ("Le gouvernement a adopté mardi le nouveau budget après un long débat au Parlement. "
                 "L'opposition a dénoncé une hausse des impôts pour les familles.\n{}\n"
                 "Le ministre a indiqué que les mesures entreraient en vigueur en janvier, selon son cabinet.\n")
ENGLISH_AROUND = ("The government approved the new budget on Tuesday after a long debate in parliament. "
                  "The opposition said the plan would raise taxes for families.\n{}\n"
                  "The minister said the measures would take effect in January, his office said.\n")


@pytest.mark.parametrize("around,lang,line,language", [
    # English in French: French writes read, more, new and sanctions too, so no
    # run of foreign words holds the line; its function words and the detector do
    (FRENCH_AROUND, "fr", "Read more: The Kremlin warns Paris over new sanctions", "en"),
    # a teaser left in Portuguese, whose function words (o, para) Spanish shares
    (ENGLISH_AROUND, "en", "Leia também: O governo aprova o novo orçamento para o próximo ano", "pt"),
    # elisions' apostrophes are no quotation marks
    (ENGLISH_AROUND, "en", "Le gouvernement a annoncé l’ouverture d’une enquête sur l’accident de vendredi", "fr"),
])
def test_a_line_left_in_another_language_is_one_finding(around, lang, line, language):
    text = around.format(line)
    (f,) = findings(text, lang, ("MTN801",))
    assert (text[f.start:f.end], f.segment_language) == (line, language)
    # (the words' display-only findings inside it are not repeated; `l’accident` -> `the
    # accident`, a fix, stays one)
    assert not [g for g in findings(text, lang, ("MTN804",)) if g.fix is None and f.start <= g.start < f.end]


@pytest.mark.parametrize("around,lang,line", [
    (ENGLISH_AROUND, "en", "Il faut bien le faire."),   # a motto: a short line a writer chose
    (FRENCH_AROUND, "fr", "The Lord of the Rings: The Return of the King"),   # a title
    (FRENCH_AROUND, "fr", "« We will never give up this fight, never »"),   # a quotation
])
def test_a_line_that_is_a_motto_a_title_or_a_quotation_stays(around, lang, line):
    text = around.format(line)
    assert findings(text, lang, ("MTN801",)) == []


def test_a_line_with_a_word_of_the_document_is_no_foreign_line():
    # (the English clause after it is a fragment of its own)
    text = FRENCH_AROUND.format("Selon Reuters, the talks will resume next week in Geneva with both sides")
    (f,) = findings(text, "fr", ("MTN801",))
    assert text[f.start:f.end] == "the talks will resume next week in Geneva with both sides"


@pytest.mark.parametrize("around,lang,line,label,language", [
    # a template's label left in the source language: alone on its line, or before a colon
    (ENGLISH_AROUND, "en", "Leia também", "Leia também", "pt"),
    (ENGLISH_AROUND, "en", "• Más información »", "Más información", "es"),
    (ENGLISH_AROUND, "en", "Lire aussi : Parliament votes on Friday", "Lire aussi", "fr"),
    (FRENCH_AROUND, "fr", "Share this article", "Share this article", "en"),
    (FRENCH_AROUND, "fr", "READ MORE: Le Parlement vote vendredi", "READ MORE", "en"),
    (FRENCH_AROUND, "fr", "Читайте также", "Читайте также", "ru"),
    # a template's single word alone on its line, in a closely related language too
    # (Spanish Publicidad in French: their word lists share too many spellings to tell)
    (FRENCH_AROUND, "fr", "Publicidad", "Publicidad", "es"),
    (FRENCH_AROUND, "fr", "Share", "Share", "en"),
    # a label after a sentence's end inside a line, before a colon (a scraper joined it to the paragraph)
    (ENGLISH_AROUND, "en", "The vote was delayed. Leia também: Lula meets Biden", "Leia também", "pt"),
    # ...or running to the line's end after the paragraph's last sentence
    (ENGLISH_AROUND, "en", "The vote was delayed until Friday. Leer más", "Leer más", "es"),
    (FRENCH_AROUND, "fr", "Le vote a été reporté à vendredi. Share this article", "Share this article", "en"),
    # a label before a colon on a long line (only its first 200 characters are read)
    (FRENCH_AROUND, "fr", "Read more: " + "le Parlement a voté la réforme des retraites après un long débat, " * 4,
     "Read more", "en"),
])
def test_a_sites_boilerplate_left_in_another_language(around, lang, line, label, language):
    text = around.format(line)
    (f,) = [f for f in findings(text, lang, ("MTN801", "MTN803", "MTN804")) if f.start < text.index(line) + len(line)
            and text.index(line) < f.end]
    assert (f.rule, text[f.start:f.end], f.segment_language) == ("MTN804", label, language)


@pytest.mark.parametrize("around,lang,line", [
    (FRENCH_AROUND, "fr", "Lire aussi : Le Parlement vote vendredi"),   # the document's own language
    (ENGLISH_AROUND, "en", "Read more: Parliament votes on Friday"),
    # running text that starts as a label does (the phrase is not all the line's)
    (ENGLISH_AROUND, "en", "Leia também a entrevista, disse o ministro ao jornal."),
    # ...and inside a line, a phrase with no colon after it
    (ENGLISH_AROUND, "en", "The vote was delayed. Leia também a entrevista com o ministro."),
])
def test_a_label_in_the_documents_language_or_running_text_is_no_boilerplate(around, lang, line):
    text = around.format(line)
    assert not [f for f in findings(text, lang, ("MTN804",)) if "boilerplate" in f.message]


def test_boilerplate_lists_name_one_language_each():
    # a phrase two languages print alike (Spanish and Portuguese `ver vídeo`) would be
    # reported as the other's in either: no list may hold another's phrase
    from normalize.resources import SUPPORTED_LANGUAGES, word_list
    seen = {}
    for lang in SUPPORTED_LANGUAGES:
        for phrase in word_list(lang, "boilerplate.txt"):
            assert phrase == phrase.lower() and phrase not in seen, (lang, phrase, seen.get(phrase))
            seen[phrase] = lang
    assert all(len([p for p, lang in seen.items() if lang == l]) >= 20 for l in SUPPORTED_LANGUAGES)
