"""batch_input: a batch file or pipe of any spreadsheet encoding, line by line."""

from __future__ import annotations

import io

import pytest

from polchan_cli.batch_input import BATCH_LINE_LIMIT, batch_lines


class Pipe(io.RawIOBase):
    """A pipe that hands over its data in the chunks it was written in."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = list(chunks)

    def readable(self) -> bool:
        return True

    def read1(self, size: int = -1) -> bytes:
        return self.chunks.pop(0) if self.chunks else b""


def lines_of(*chunks: bytes) -> list[str] | None:
    lines = batch_lines(Pipe(*chunks))
    return None if lines is None else list(lines)


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"Celle\n29221\n", ["Celle", "29221"]),
        (b"\xef\xbb\xbfL\xc3\xbcneburg\r\nStade", ["Lüneburg", "Stade"]),  # Excel's UTF-8 CSV
        (b"L\xfcneburg;21335\r\n", ["Lüneburg;21335"]),  # Excel's plain CSV: Windows-1252
        ("Lüneburg\r\nStade\r\n".encode("utf-16"), ["Lüneburg", "Stade"]),  # Unicode Text
        (b"Celle\n\nStade\n", ["Celle", "", "Stade"]),  # line n answers line n
        (b"old Mac\rline ends", ["old Mac", "line ends"]),
        # Two exports joined with cat: the second file's BOM opens a line.
        (b"\xef\xbb\xbfCelle\r\n\xef\xbb\xbfStade\r\n", ["Celle", "Stade"]),
    ],
)
def test_each_encoding_a_spreadsheet_saves_is_read_line_by_line(data, lines):
    assert lines_of(data) == lines


def test_utf8_and_windows_1252_lines_mixed_in_one_file_are_each_read():
    assert lines_of(b"L\xc3\xbcneburg\nL\xfcneburg\n") == ["Lüneburg", "Lüneburg"]


def test_a_windows_line_end_split_between_two_chunks_ends_one_line():
    assert lines_of(b"Celle\r", b"\nStade\n") == ["Celle", "Stade"]


def test_a_line_is_answered_before_the_next_chunk_comes():
    pipe = Pipe(b"Celle\n", b"Stade\n")
    lines = batch_lines(pipe)
    assert lines is not None and next(lines) == "Celle"
    assert pipe.chunks == [b"Stade\n"]  # not read yet: a slow pipe is answered line by line


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x06\x00", "Celle".encode("utf-16-le")],  # an .xlsx; UTF-16 sans BOM
)
def test_input_that_is_no_text_is_refused(data):
    assert lines_of(data) is None


def test_a_line_without_end_is_cut_at_the_limit_and_the_rest_skipped():
    lines = lines_of(b"x" * (BATCH_LINE_LIMIT + 10), b"x" * 10 + b"\nCelle\n")
    assert lines == ["x" * BATCH_LINE_LIMIT, "Celle"]
