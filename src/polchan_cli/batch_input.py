"""``find --batch``'s input: bytes of any spreadsheet encoding in, lines out as they come.

Accepts a binary stream (a file, a pipe, standard input). :func:`batch_lines`
reads it chunk by chunk, so that a pipe fed slowly is answered line by line,
decodes each line on its own (UTF-8, else Windows-1252 as German Excel saves
CSV; UTF-16 with its BOM as Excel's "Unicode Text"), keeps blank lines so that
output line n answers input line n, and says when the input is no text at all.
Answering the lines is :func:`polchan_cli.lookup.batch_answers`' job.
"""

from __future__ import annotations

import itertools
import re
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import BinaryIO

__all__ = ["BATCH_LINE_LIMIT", "CutLine", "UndecodedLine", "batch_lines"]

# A batch line longer than this is cut there (and is no query: at most 200
# characters), so that input without newlines (/dev/zero) cannot fill the memory.
BATCH_LINE_LIMIT = 65536
_LINE_END = re.compile(rb"\r\n|\r|\n")


class CutLine(str):
    """A batch line cut at ``BATCH_LINE_LIMIT`` bytes: what is read of it, which is
    not all of it (its error must not give this length as the line's)."""


class UndecodedLine(str):
    """A batch line holding bytes that neither UTF-8 nor Windows-1252 defines
    (0x81, 0x8D, 0x8F, 0x90, 0x9D in a line not UTF-8), each read as U+FFFD."""


def batch_lines(stream: BinaryIO) -> Iterator[str] | None:
    """The lines of a batch file or pipe, read as they come, or None if it is no text.

    Read as they come, so that a pipe fed slowly (``tail -f``) is answered line by
    line. Each line is decoded on its own: UTF-8 (a BOM at its start is dropped,
    also that of a file joined on with ``cat``),
    else Windows-1252, the encoding of German Excel's plain CSV, so that a file
    mixing the two loses no line. UTF-16 with its BOM is Excel's "Unicode Text".
    Every line is kept, blank ones too, so that output line n answers input line
    n; a line longer than ``BATCH_LINE_LIMIT`` is cut there. None when the start
    is no text: NUL bytes (an .xlsx, another binary file, UTF-16 saved without its
    BOM) or UTF-16 that does not decode.
    """
    first = _chunk(stream)
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        chunks = _utf16_as_utf8(stream, first)
        if chunks is None:
            return None
    elif b"\x00" in first:
        return None
    else:
        chunks = itertools.chain(
            [first.removeprefix(b"\xef\xbb\xbf")], iter(partial(_chunk, stream), b"")
        )
    return (
        CutLine(_decoded(line)) if cut else _decoded(line) for line, cut in _split_lines(chunks)
    )


def _chunk(stream: BinaryIO) -> bytes:
    """What the stream has now, up to the line limit (at once, from a pipe)."""
    return stream.read1(BATCH_LINE_LIMIT) if hasattr(stream, "read1") else stream.read()


def _utf16_as_utf8(stream: BinaryIO, first: bytes) -> Iterator[bytes] | None:
    """UTF-16 read chunk by chunk as UTF-8, or None if its start does not decode.

    Each chunk is passed on as soon as it is read, so that a pipe's line is
    answered before the next one comes; only a start too short for one character
    waits for more.
    """
    import codecs

    decoder = codecs.getincrementaldecoder("utf-16")()
    chunk = first
    try:
        head = decoder.decode(chunk)
        while not head and chunk:
            chunk = _chunk(stream)
            head = decoder.decode(chunk, final=not chunk)
    except UnicodeDecodeError:
        return None
    if "\x00" in head:
        return None
    decoder.errors = "replace"  # past the start, a bad byte spoils a line, not the batch

    def chunks() -> Iterator[bytes]:
        yield head.encode("utf-8")
        if not chunk:
            return
        while following := _chunk(stream):
            yield decoder.decode(following).encode("utf-8")
        yield decoder.decode(b"", final=True).encode("utf-8")

    return chunks()


def _split_lines(chunks: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
    """The lines of the chunks put together, without their line ends, each with
    whether it was cut at the limit."""
    pending = b""
    skipping = False  # the rest of a line already cut at the limit
    ended = False
    while True:
        while (end := _LINE_END.search(pending)) is not None:
            if end.group() == b"\r" and end.end() == len(pending) and not ended:
                break  # a \r at the end of a chunk may be the first half of \r\n
            if not skipping:
                yield pending[: min(end.start(), BATCH_LINE_LIMIT)], end.start() > BATCH_LINE_LIMIT
            skipping = False
            pending = pending[end.end() :]
        if len(pending) > BATCH_LINE_LIMIT and not skipping:
            yield pending[:BATCH_LINE_LIMIT], True
            skipping = True
        if skipping:
            pending = pending[-1:] if pending.endswith(b"\r") else b""
        if ended:
            break
        chunk = next(chunks, b"")
        ended = not chunk
        pending += chunk
    if pending and not skipping:
        yield pending, False


def _decoded(line: bytes) -> str:
    # A BOM opening a later line is that of a file joined on (`cat a.csv b.csv`).
    line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        text = line.decode("cp1252", errors="replace")
    # Windows-1252 itself has no U+FFFD: here it stands only for a byte it lacks.
    return UndecodedLine(text) if "\ufffd" in text else text
