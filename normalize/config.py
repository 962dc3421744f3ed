"""Configuration: ``[tool.mtnorm]`` in ``pyproject.toml``, or ``.mtnorm.toml``.

The nearest configuration file above the checked file (or the working
directory, for stdin) applies; command-line options override it::

    [tool.mtnorm]
    select = ["MTN3", "spacing"]        # codes, prefixes, names or categories
    ignore = ["MTN501"]
    unsafe-fixes = false
    lang = "en"                         # force the language
    source-lang = "es"                  # what the text was translated from
    rules = ["house-rules"]             # extra rule-pack folders, relative to this file
    style = { kyiv = "Kyiv", nato = "Nato" }   # consistency-group id -> spelling
    per-file-ignores = { "legacy/*.md" = ["MTN301"] }
    split-compounds = false             # also split two glued content words
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(ValueError):
    """A configuration file is malformed; the message names the file and key."""


KEYS = {"select": list, "ignore": list, "unsafe-fixes": bool, "lang": str, "source-lang": str,
        "rules": list, "style": dict, "per-file-ignores": dict, "split-compounds": bool, "damaged-text": bool,
        "mt-model": str, "guess-source": bool, "job-titles": (str, dict), "segment-detector": str}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def pipeline_options(self) -> dict[str, Any]:
        """The :class:`~normalize.pipeline.Pipeline` options this configuration sets."""
        return {"style": self.get("style") or {}, "split_compounds": self.get("split-compounds", False),
                "damaged_text": self.get("damaged-text", False),
                "guess_source": self.get("guess-source", True), "job_titles": self.get("job-titles", "keep"),
                "segment_detector": self.get("segment-detector")}

    def rule_dirs(self) -> list[str]:
        base = self.path.parent if self.path else Path.cwd()
        return [str((base / d).resolve()) for d in self.get("rules", [])]

    def ignores_for(self, file_path: str | None) -> list[str]:
        if not file_path or file_path == "-":
            return []
        base = self.path.parent if self.path else Path.cwd()
        try:
            rel = Path(file_path).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = Path(file_path).as_posix()
        out: list[str] = []
        for pattern, codes in (self.get("per-file-ignores") or {}).items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out += list(codes)
        return out


def _validate(data: dict, path: Path) -> dict[str, Any]:
    from .pipeline import rule_matches
    from .rules import RULES
    out = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key `{key}` in mtnorm's configuration "
                              f"(known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[key]):
            want = KEYS[key] if isinstance(KEYS[key], tuple) else (KEYS[key],)
            raise ConfigError(f"{path}: key `{key}`: expected {' or '.join(t.__name__ for t in want)}, "
                              f"got {type(value).__name__}")
        if key == "job-titles":
            from .stages.namecase import JOB_TITLE_STYLES
            styles = value.values() if isinstance(value, dict) else [value]
            if any(v not in JOB_TITLE_STYLES for v in styles):
                raise ConfigError(f"{path}: key `job-titles`: a style is one of {', '.join(JOB_TITLE_STYLES)}")
        if key == "segment-detector":
            from .stages.language import check_segment_detector
            try:
                check_segment_detector(value)
            except ValueError as exc:
                raise ConfigError(f"{path}: key `segment-detector`: {exc}") from None
        if key in ("select", "ignore"):
            for sel in value:
                if not isinstance(sel, str) or not any(rule_matches(c, sel) for c in RULES):
                    raise ConfigError(f"{path}: key `{key}`: unknown rule selector {sel!r}")
        if key == "per-file-ignores":
            for pattern, codes in value.items():
                if not isinstance(codes, list):
                    raise ConfigError(f"{path}: key `per-file-ignores.{pattern}`: expected a list of rules")
        out[key] = value
    return out


@lru_cache(maxsize=256)
def load_config_file(path: Path) -> Config:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtnorm")
        if data is None:
            return Config(None)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    return Config(path, _validate(data, path))


@lru_cache(maxsize=1024)
def _find(directory: Path) -> Config:
    for d in [directory, *directory.parents]:
        for name in (".mtnorm.toml", "pyproject.toml"):
            candidate = d / name
            if candidate.is_file():
                cfg = load_config_file(candidate)
                if cfg.path is not None:
                    return cfg
    return Config(None)


def find_config(file_path: str | None) -> Config:
    """The configuration that applies to ``file_path`` (stdin: the working directory)."""
    if not file_path or file_path == "-":
        return _find(Path.cwd().resolve())
    return _find(Path(file_path).resolve().parent)
