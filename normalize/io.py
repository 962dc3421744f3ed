"""Reading inputs without losing a byte, and writing files atomically."""

from __future__ import annotations

import codecs
import contextvars
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class InputError(Exception):
    """An input that cannot be processed; the message names the file."""


@dataclass
class Input:
    path: str            # as given ("-" for stdin)
    text: str
    encoding: str = "utf-8"
    replaced: int = 0    # undecodable bytes replaced by U+FFFD (--errors replace)


def _count_and_replace(exc: UnicodeDecodeError):
    """The --errors replace handler: U+FFFD, remembering what it replaced."""
    _replaced.get().append((exc.start, exc.end))
    return ("\ufffd", exc.end)


# one handler registered once; the spans it replaced are kept per context
_COUNTING = "mtnorm-count-replace"
_replaced: contextvars.ContextVar[list] = contextvars.ContextVar("mtnorm_replaced")
codecs.register_error(_COUNTING, _count_and_replace)


def decode(data: bytes, path: str, encoding: str = "utf-8", errors: str = "strict") -> tuple[str, int]:
    """Text, BOM and line endings kept exactly (a UTF-8 BOM stays as U+FEFF).
    Returns the text and how many undecodable bytes were replaced."""
    if b"\x00" in data[:8192] and not encoding.lower().startswith("utf-16"):
        raise InputError(f"{path}: looks like a binary file (NUL byte); skipped")
    try:
        return data.decode(encoding), 0
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        if errors != "replace":
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(f"{path}: not valid {encoding} at byte {exc.start} (line {line}): "
                             f"{exc.reason} (use --encoding, or --errors replace)") from None
    _replaced.set([])
    text = data.decode(encoding, errors=_COUNTING)
    return text, sum(e - s for s, e in _replaced.get())


def read_input(path: str, encoding: str = "utf-8", errors: str = "strict") -> Input:
    if path == "-":
        text, replaced = decode(sys.stdin.buffer.read(), "<stdin>", encoding, errors)
        return Input("-", text, encoding, replaced)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    text, replaced = decode(data, path, encoding, errors)
    return Input(path, text, encoding, replaced)


def expand(paths: list[str]) -> Iterator[str]:
    """Files named, and text files (``*.txt``, ``*.md``) under named folders, sorted."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES)
            yield from found
        else:
            yield path


def write_atomic(path: str, text: str, encoding: str = "utf-8", backup: str | None = None) -> None:
    """Replace ``path`` with ``text``: temporary file in the same folder, fsync,
    rename; mode and owner kept; with ``backup``, the old file is kept as
    PATH+SUFFIX first. A crash leaves the old or the new file, never half."""
    p = Path(path)
    st = p.stat()
    if backup:
        import shutil
        shutil.copy2(p, str(p) + backup)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".mtnorm", dir=str(p.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode(encoding))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
