"""Pinyin names of people the press writes otherwise (MTN609), on text the project wrote."""

import pytest

from normalize import Pipeline
from normalize.resources import RulePackError
from normalize.stages.calques import romanised_names


def fix(text, lang="en", **kw):
    pipe = Pipeline(language=lang, unsafe_fixes=True, select=["MTN609"], **kw)
    return pipe.fix(text)


def test_a_pinyin_name_gets_the_romanisation_the_press_uses():
    r = fix("Opposition leader Zhu Lilun met President Lai Qingde on Tuesday, and Ke Wen-zhe stayed away.")
    assert r.text == "Opposition leader Eric Chu met President Lai Ching-te on Tuesday, and Ko Wen-je stayed away."
    assert {f.rule for f in r.findings} == {"MTN609"}
    assert all(f.applicability.value == "unsafe" for f in r.findings)


@pytest.mark.parametrize("written", ["Cai Yingwen", "Cai Ying-wen", "Cai Ying Wen"])
def test_the_given_name_joined_hyphenated_or_spaced(written):
    assert fix(f"Former president {written}'s visit was cancelled.", "de").text == \
        "Former president Tsai Ing-wen's visit was cancelled."


def test_a_vowel_syllable_after_an_apostrophe():
    assert fix("Taipei mayor Jiang Wan’an opened the fair.").text == "Taipei mayor Chiang Wan-an opened the fair."


@pytest.mark.parametrize("text", [
    # the romanisation the press uses, a longer word, another name sharing the family name
    "President Lai Ching-te met Eric Chu and Ko Wen-je.",
    "The Lai Qingdefoo project and Lai Qingdes are no names of the list.",
    "Ma Long won the final; Lin Dan lost.",
])
def test_what_is_no_listed_pinyin_name_stays(text):
    r = fix(text)
    assert r.text == text and not r.findings


def test_russian_writes_chinese_names_in_cyrillic():
    text = "Президент Lai Qingde выступил."
    assert not fix(text, "ru").findings


def test_a_user_pack_adds_people(tmp_path):
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "romanised_names.tsv").write_text(
        "pinyin\tname\twho\nChen Bai-tong\tPaktong Chan\tmade up\n", encoding="utf-8")
    assert fix("Chen Baitong spoke.", rule_dirs=(str(tmp_path),)).text == "Paktong Chan spoke."
    for bad in ("ChenBaitong", "Chen Bai--tong", "Chen Bai tong"):
        (tmp_path / "common" / "romanised_names.tsv").write_text(f"pinyin\tname\n{bad}\tX\n", encoding="utf-8")
        romanised_names.cache_clear()
        with pytest.raises(RulePackError, match="family name"):
            romanised_names((str(tmp_path),))
    romanised_names.cache_clear()
