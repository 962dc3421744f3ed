"""The word-frequency table: the same answers as wordfreq's dict, from a
cached index that is rebuilt whenever it is missing, stale or damaged."""

import math

import pytest
import wordfreq

from normalize import resources
from normalize.resources import WordFrequencies, top_frequencies, word_frequencies


def _wordfreq_top(lang, min_zipf):
    out = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang)):
        freq = wordfreq.cB_to_freq(-index)
        if math.log10(freq * 1e9) < min_zipf:
            break
        out.update(dict.fromkeys(bucket, freq))
    return out


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_table_answers_as_wordfreqs_dict(lang):
    ref = wordfreq.get_frequency_dict(lang)
    table = word_frequencies(lang)
    assert isinstance(table, WordFrequencies) and len(table) == len(ref)
    assert [w for w, f in ref.items() if table.get(w) != f] == []   # every word, every frequency
    rare = [w for w, f in ref.items() if f < 1e-7][:2000]
    assert rare and all(w in table and table[w] == ref[w] for w in rare)
    unseen = [w + "zq" for w in list(ref)[:5000] if w + "zq" not in ref]
    assert [w for w in unseen if w in table or table.get(w, -1.0) != -1.0] == []
    with pytest.raises(KeyError):
        table[unseen[0]]
    for z in (2.5, 3.0, 4.0):
        assert top_frequencies(lang, z) == _wordfreq_top(lang, z)
    assert top_frequencies(lang, 2.0) == _wordfreq_top(lang, 2.0)   # held, decoded when asked
    assert top_frequencies(lang, 1.5) == _wordfreq_top(lang, 1.5)   # below them: from wordfreq


def test_unsupported_language_has_an_empty_table():
    assert not word_frequencies("xx") and "the" not in word_frequencies("xx")


def _fresh(lang):
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()
    return word_frequencies(lang)


def test_index_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    built = _fresh("it")
    files = list(tmp_path.glob("wordfreq-it-*.bin"))
    assert len(files) == 1
    monkeypatch.setattr(resources, "_build_index", lambda *a: pytest.fail("rebuilt a sound cache"))
    loaded = _fresh("it")
    sample = ["della", "anche", "ricostruzione", "sottosegretario", "qzxv"]
    assert [loaded.get(w) for w in sample] == [built.get(w) for w in sample]
    assert loaded.get("ricostruzione") and loaded.get("qzxv") is None
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    good = _fresh("pt")
    path, = tmp_path.glob("wordfreq-pt-*.bin")
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-5] ^= 0x20
    elif damage == "truncate":
        del data[len(data) // 2:]
    else:
        data = bytearray(b"not an index")
    path.write_bytes(bytes(data))
    again = _fresh("pt")
    assert [again.get(w) for w in ("não", "governo", "presidenciável", "qzxv")] == \
        [good.get(w) for w in ("não", "governo", "presidenciável", "qzxv")]
    assert path.read_bytes() != bytes(data)    # and written again, sound
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()


def test_unwritable_or_disabled_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(blocker / "sub"))   # a directory cannot be made there
    assert _fresh("fr").get("gouvernement")
    monkeypatch.setenv("MTNORM_CACHE_DIR", "")
    assert resources.cache_dir() is None and _fresh("fr").get("gouvernement")
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()


def test_word_listed_twice_keeps_its_last_bucket(tmp_path, monkeypatch):
    """wordfreq's dict keeps the last (rarer) bucket of a word listed twice;
    the table does too, and leaves it out of the frequent words."""
    pack = [[] for _ in range(800)]
    pack[100] = ["alpha", "beta"]
    pack[120] = ["gamma"]
    pack[700] = ["beta", "delta"]
    monkeypatch.setattr(wordfreq, "read_cBpack", lambda path: pack)
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    table = _fresh("de")
    assert table["alpha"] == wordfreq.cB_to_freq(-100)
    assert table["beta"] == wordfreq.cB_to_freq(-700)
    assert table["delta"] == wordfreq.cB_to_freq(-700) and "epsilon" not in table
    assert set(table.top(3.0)) == {"alpha", "gamma"}
    assert list(table.held(1.99)) == [("alpha", table["alpha"]), ("gamma", table["gamma"]),
                                      ("beta", table["beta"]), ("delta", table["delta"])]
    assert len(table) == 4
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()


def test_cache_command_warms_shows_and_clears(tmp_path):
    import os
    import subprocess
    import sys

    def run(*args, cache=str(tmp_path / "c")):
        env = dict(os.environ, MTNORM_CACHE_DIR=cache)
        return subprocess.run([sys.executable, "-m", "normalize", "cache", *args], capture_output=True,
                              text=True, env=env)

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "keep.txt").write_text("not mtnorm's")
    warm = run("warm", "--lang", "it")
    assert warm.returncode == 0 and warm.stdout.startswith("it: ") and "1 file(s)" in warm.stdout
    shown = run()
    assert "wordfreq-it-" in shown.stdout and "1 file(s)" in shown.stdout
    bad = run("warm", "--lang", "xx")
    assert bad.returncode == 2 and "unsupported language(s): xx" in bad.stderr
    cleared = run("clear")
    assert "removed 1 file(s)" in cleared.stdout
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["keep.txt"]   # only its own files
    assert "off" in run(cache="").stdout


def test_without_numpy_the_rules_get_wordfreqs_dict(monkeypatch, tmp_path):
    """numpy builds the index; should it be missing, the rules still get
    every frequency (wordfreq's own dict), never an empty table."""
    def no_numpy(*args):
        raise ImportError("No module named 'numpy'")

    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(resources, "_build_index", no_numpy)
    table = _fresh("pt")
    assert isinstance(table, dict) and table["governo"] == wordfreq.get_frequency_dict("pt")["governo"]
    assert top_frequencies("pt", 3.0) == _wordfreq_top("pt", 3.0)
    word_frequencies.cache_clear()
    top_frequencies.cache_clear()


def _foreign_by_the_lists(lang, word):
    """The rule is_foreign states, read off the word lists themselves."""
    from normalize.resources import zipf
    from normalize.stages.anchors import function_words
    own = zipf(word_frequencies(lang), word)
    for other in resources.SUPPORTED_LANGUAGES:
        if other == lang:
            continue
        z = zipf(top_frequencies(other), word)
        if (z - own >= 1.5 and z >= 3.0) or (own < 3.0 and word in function_words(other)):
            return True
    return False


def test_foreign_from_the_cached_table_is_foreign_from_the_lists():
    # the table holds what each language's list says of a word, so that a
    # run reads only its own languages' lists: its answers must be the lists'
    from normalize.stages import untranslated as u
    from normalize.stages.anchors import function_words
    fw = set().union(*(function_words(lang) for lang in resources.SUPPORTED_LANGUAGES))
    # every 20th word some language claims, every function word, and words none claims
    words = sorted(u._claims_table())[::20] + sorted(fw) + ["zzqx", "kyivzq", "presidenciávelzq"]
    found = 0
    for lang in resources.SUPPORTED_LANGUAGES:
        u._memo.clear()
        for w in words:
            expected = _foreign_by_the_lists(lang, w)
            assert u.is_foreign(lang, w) == expected, (lang, w)
            found += expected
    assert 1000 < found < len(words) * 7
    u._memo.clear()


def test_claims_table_is_cached_reused_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    from normalize.stages import untranslated as u
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    u._claims_table.cache_clear()
    built = u._claims_table()
    path, = tmp_path.glob("claims-*.bin")
    assert built == u.build_claims_table()
    # read back, not built again
    u._claims_table.cache_clear()
    monkeypatch.setattr(u, "build_claims_table", lambda: pytest.fail("rebuilt a sound table"))
    assert u._claims_table() == built
    # a damaged file is made again
    monkeypatch.undo()
    monkeypatch.setenv("MTNORM_CACHE_DIR", str(tmp_path))
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x01
    path.write_bytes(bytes(data))
    u._claims_table.cache_clear()
    assert u._claims_table() == built and path.read_bytes() != bytes(data)
    # no cache directory: made in memory, kept nowhere
    monkeypatch.setenv("MTNORM_CACHE_DIR", "")
    u._claims_table.cache_clear()
    u._memo.clear()
    assert u._claims_table() == built and list(tmp_path.glob("claims-*")) == [path]
    assert u.is_foreign("en", "der") and not u.is_foreign("en", "the")
    u._claims_table.cache_clear()
    u._memo.clear()


def test_a_run_in_one_language_reads_no_other_language_s_list():
    import os
    import subprocess
    import sys
    script = (
        "from normalize import Pipeline, resources\n"
        "loaded = []\n"
        "load = resources.WordFrequencies.load.__func__\n"
        "resources.WordFrequencies.load = classmethod(lambda cls, lang: loaded.append(lang) or load(cls, lang))\n"
        "text = 'Officials in kyiv said the talks, which began on Sunday.They said so, ' * 20\n"
        "res = Pipeline(language='en').fix(text)\n"
        "assert res.findings, 'nothing found: the check proves nothing'\n"
        "print(sorted(set(loaded)))\n")
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=dict(os.environ))
    assert warm.returncode == 0, warm.stderr   # (the first run may build the table from all seven)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=dict(os.environ))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['en']"


def test_foreign_reads_each_part_of_a_table_entry(monkeypatch):
    # what other languages say of a word, packed in one number: which claim
    # it, whose function word it is, how frequent it is there
    from normalize.stages import untranslated as u
    de = u._BIT["de"]

    def entry(fw=False, bucket=None, lang_bit=de):
        packed = 1 << lang_bit | (1 << (u._FW + lang_bit) if fw else 0)
        if bucket is not None:
            packed |= (bucket + 1) << (u._FREQ + u._BUCKET_BITS * lang_bit)
        return packed

    table = {"qqfw": entry(fw=True),              # a German function word, rare there: unknown in English
             "qqfreq": entry(bucket=500),          # zipf 4.0 in German, unknown in English
             "qqrare": entry(bucket=None),         # claimed, neither frequent nor a function word
             "the": entry(bucket=500),             # zipf 4.0 in German, far more frequent in English
             "qqown": entry(bucket=500, lang_bit=u._BIT["en"])}   # claimed by English only
    monkeypatch.setattr(u, "_claims_table", lambda: table)
    u._memo.clear()
    assert u.is_foreign("en", "qqfw") and u.is_foreign("en", "qqfreq")
    assert not u.is_foreign("en", "qqrare") and not u.is_foreign("en", "the")
    assert not u.is_foreign("en", "qqown") and u.is_foreign("fr", "qqown")
    assert u._claimed_by_others(["qqfw", "qqown", "zz"], "en") == ["qqfw"]
    u._memo.clear()


def test_german_words_with_sharp_s_are_found_under_wordfreqs_folded_key():
    """wordfreq case-folds its words (außerdem is listed as ausserdem): the
    tables find them as German writes them, so a sentence glued before one is
    parted and a glued preposition with ß is split."""
    from normalize import Pipeline
    from normalize.resources import top_frequencies, word_frequencies
    assert "außerdem" in word_frequencies("de") and word_frequencies("de").get("straße")
    assert "außerdem" in top_frequencies("de", 3.0) and top_frequencies("de", 3.0)["außerdem"] > 0
    assert "ausserdem" in top_frequencies("de", 3.0)
    assert type(top_frequencies("en", 3.0)) is dict   # (no fold where ß is not written)
    text = "Es fehlt an Geld.Außerdem steht er unter Druck."
    assert Pipeline(language="de").fix(text).text == "Es fehlt an Geld. Außerdem steht er unter Druck."
