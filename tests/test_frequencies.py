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
