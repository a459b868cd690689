"""The loader: bytes in, a Document (or the problem that stopped it) out."""

from __future__ import annotations

import codecs
import os
import threading
from pathlib import Path

import pytest

from postlint.document import Document
from postlint.findings import Position
from postlint.frontmatter import parse_front_matter
from postlint.load import DEFAULT_MAX_FILE_SIZE, decode, load

POST = "---\ntitle: Hello\ntags: [news]\n---\n\nText.\n"
BENGALI_POST = (
    "---\n"
    'title: "বাংলা ভাষার খবর"\n'
    "tags: [খবর, সাহিত্য]\n"
    "---\n\n"
    "আজকের খবর: বাংলা ভাষা এবং সাহিত্য নিয়ে একটি দীর্ঘ লেখা। "
    "কলকাতা ও ঢাকার পাঠকদের জন্য আরও অনেক কথা।\n"
)


def decoded(data: bytes) -> Document:
    return decode(Path("x.md"), "x.md", data)


def codes(doc: Document) -> list[str]:
    return [p.code for p in doc.problems]


def only(doc: Document, code: str):
    found = [p for p in doc.problems if p.code == code]
    assert len(found) == 1, doc.problems
    return found[0]


# --- clean input -----------------------------------------------------------


def test_clean_utf8_post_decodes_without_problems():
    doc = decoded(BENGALI_POST.encode("utf-8"))
    assert doc.problems == []
    assert doc.text == BENGALI_POST
    assert doc.has_bom is False


def test_load_reads_a_regular_file(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(BENGALI_POST.encode("utf-8"))
    doc = load(path, "post.md")
    assert doc.problems == []
    assert doc.text == BENGALI_POST
    assert doc.display_path == "post.md"
    assert doc.path == path


# --- invalid UTF-8 ----------------------------------------------------------


def test_invalid_utf8_points_at_first_bad_byte():
    data = b"---\ntitle: caf\xe9\n---\n"
    doc = decoded(data)
    assert doc.text is None
    problem = only(doc, "PL002")
    assert codes(doc) == ["PL002"]
    # line 2 is "title: caf\xe9": the bad byte is its 11th character
    assert problem.span.start == Position(2, 11, 14)
    assert "0xe9" in problem.message
    assert "byte offset 14" in problem.message


def test_invalid_utf8_only_first_bad_byte_is_reported():
    data = b"---\ntitle: ok\nslug: \xff\xfe\nx: \xc0\n---\n"
    doc = decoded(data)
    problem = only(doc, "PL002")
    assert problem.span.start.line == 3
    assert problem.span.start.column == 7
    assert problem.span.start.offset == data.index(b"\xff")


def test_invalid_utf8_after_bengali_counts_code_points():
    prefix = "---\ntitle: বাংলা".encode()
    data = prefix + b"\xff rest\n---\n"
    doc = decoded(data)
    problem = only(doc, "PL002")
    # "title: " is 7 code points, "বাংলা" is 5 code points (15 bytes): the bad byte is column 13
    assert problem.span.start.line == 2
    assert problem.span.start.column == 13
    assert problem.span.start.offset == len(prefix)
    assert "0xff" in problem.message


def test_truncated_bengali_sequence_at_end_of_file():
    # the last code point of "বাংলা" loses its final byte
    data = "---\ntitle: বাংলা".encode()[:-1]
    doc = decoded(data)
    problem = only(doc, "PL002")
    assert problem.span.start.line == 2
    # "title: বাংল" is 11 code points; the broken one is the 12th
    assert problem.span.start.column == 12
    assert problem.span.start.offset == len(data) - 2


def test_invalid_utf8_on_first_line_is_column_of_the_byte():
    doc = decoded(b"ab\x80cd\n")
    problem = only(doc, "PL002")
    assert problem.span.start == Position(1, 3, 2)


def test_invalid_utf8_after_bom_reports_the_files_byte_offset():
    # the BOM is 3 bytes: the bad byte is byte 7 of the file (after "---\n")
    data = codecs.BOM_UTF8 + b"---\n\xff\n"
    doc = decoded(data)
    problem = only(doc, "PL002")
    assert doc.has_bom is True
    # the column is not shifted by the BOM: line 2, column 1
    assert (problem.span.start.line, problem.span.start.column) == (2, 1)
    # a user looks for the byte in the file, with the BOM
    assert "byte offset 7" in problem.message, problem.message


# --- wide encodings -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (POST.encode("utf-16"), "UTF-16 LE with a byte-order mark"),  # Python writes LE with BOM here
        (codecs.BOM_UTF16_LE + POST.encode("utf-16-le"), "UTF-16 LE with a byte-order mark"),
        (codecs.BOM_UTF16_BE + POST.encode("utf-16-be"), "UTF-16 BE with a byte-order mark"),
        (codecs.BOM_UTF16_BE + BENGALI_POST.encode("utf-16-be"), "UTF-16 BE with a byte-order mark"),
        (POST.encode("utf-16-le"), "UTF-16 LE without a byte-order mark"),
        (POST.encode("utf-16-be"), "UTF-16 BE without a byte-order mark"),
        (codecs.BOM_UTF32_LE + POST.encode("utf-32-le"), "UTF-32 LE with a byte-order mark"),
        (codecs.BOM_UTF32_BE + POST.encode("utf-32-be"), "UTF-32 BE with a byte-order mark"),
        (codecs.BOM_UTF32_LE + BENGALI_POST.encode("utf-32-le"), "UTF-32 LE with a byte-order mark"),
    ],
    ids=[
        "utf16-python-default",
        "utf16le-bom",
        "utf16be-bom",
        "utf16be-bom-bengali",
        "utf16le-nobom",
        "utf16be-nobom",
        "utf32le-bom",
        "utf32be-bom",
        "utf32le-bom-bengali",
    ],
)
def test_wide_encodings_are_pl003(data, named):
    doc = decoded(data)
    assert doc.text is None
    assert codes(doc) == ["PL003"]
    problem = doc.problems[0]
    assert named in problem.message
    assert problem.span.start == Position(1, 1, 0)


def test_utf32_le_bom_is_not_mistaken_for_utf16():
    # FF FE 00 00 starts with the UTF-16 LE BOM FF FE
    doc = decoded(codecs.BOM_UTF32_LE + POST.encode("utf-32-le"))
    assert "UTF-32 LE" in doc.problems[0].message
    assert "UTF-16" not in doc.problems[0].message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bengali_utf16_without_bom_is_a_wide_encoding_not_binary(codec):
    # Bengali code points (U+0980..U+09FF) have no zero byte in UTF-16, so only the
    # ASCII characters (fences, keys, spaces, newlines) give NULs; it is still UTF-16 text.
    doc = decoded(BENGALI_POST.encode(codec))
    assert codes(doc) == ["PL003"], doc.problems


def test_wide_encoding_not_parsed_as_front_matter():
    doc = decoded(POST.encode("utf-16"))
    parse_front_matter(doc)
    assert doc.front_matter is None
    assert codes(doc) == ["PL003"]


# --- binary -------------------------------------------------------------------


def test_nul_byte_is_binary():
    data = b"---\ntitle: x\n---\n\x00\x01\x02"
    doc = decoded(data)
    assert doc.text is None
    assert codes(doc) == ["PL004"]
    assert "byte offset 17" in doc.problems[0].message
    assert doc.problems[0].span.start == Position(1, 1, 0)


def test_png_header_is_binary():
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    doc = decoded(data)
    assert codes(doc) == ["PL004"]


def test_single_nul_in_long_text_is_binary():
    data = ("---\ntitle: x\n---\n" + "বাংলা লেখা\n" * 50).encode() + b"\x00"
    doc = decoded(data)
    assert codes(doc) == ["PL004"]
    assert f"byte offset {len(data) - 1}" in doc.problems[0].message


# --- UTF-8 BOM -----------------------------------------------------------------


def test_utf8_bom_is_pl005_and_removed_from_text():
    doc = decoded(codecs.BOM_UTF8 + BENGALI_POST.encode())
    assert doc.has_bom is True
    assert doc.text == BENGALI_POST
    assert not doc.text.startswith("\ufeff")
    problem = only(doc, "PL005")
    assert problem.span.start == Position(1, 1, 0)
    assert codes(doc) == ["PL005"]


def test_front_matter_after_bom_is_parsed():
    doc = decoded(codecs.BOM_UTF8 + BENGALI_POST.encode())
    parse_front_matter(doc)
    assert doc.front_matter is not None
    assert doc.front_matter.format == "yaml"
    assert doc.front_matter.data == {"title": "বাংলা ভাষার খবর", "tags": ["খবর", "সাহিত্য"]}
    assert codes(doc) == ["PL005"]
    # spans are not shifted by the BOM
    node = doc.front_matter.node(("title",))
    assert doc.index.position(node.start) == Position(2, 8, 11)
    assert doc.front_matter.open_start == 0


def test_bom_does_not_shift_columns_on_the_first_line():
    # JSON front matter on line 1: the syntax error is at column 7 of `{"a": }`
    doc = decoded(codecs.BOM_UTF8 + b'{"a": }\n')
    parse_front_matter(doc)
    assert codes(doc) == ["PL005", "PL014"]
    assert only(doc, "PL014").span.start == Position(1, 7, 6)


def test_bom_only_file_is_text_without_front_matter():
    doc = decoded(codecs.BOM_UTF8)
    assert doc.has_bom is True
    assert doc.text == ""
    assert codes(doc) == ["PL005"]


# --- empty file ----------------------------------------------------------------


def test_empty_bytes_are_pl006():
    doc = decoded(b"")
    assert doc.text == ""
    assert codes(doc) == ["PL006"]
    assert doc.problems[0].span.start == Position(1, 1, 0)


def test_empty_file_on_disk_is_pl006_and_not_pl010(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    doc = load(path, "empty.md")
    parse_front_matter(doc)
    assert codes(doc) == ["PL006"]


# --- unreadable files -------------------------------------------------------------


def _load_in_thread(path: Path, timeout: float = 5.0) -> Document:
    """Load in a thread so a blocking open/read fails the test instead of hanging it."""
    box: dict[str, Document] = {}
    thread = threading.Thread(target=lambda: box.setdefault("doc", load(path, path.name)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert "doc" in box, f"load({path}) blocked for more than {timeout}s"
    return box["doc"]


def test_fifo_is_pl001_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    doc = _load_in_thread(fifo)
    assert doc.text is None
    assert codes(doc) == ["PL001"]
    assert "not a regular file" in doc.problems[0].message


def test_symlink_to_dev_zero_is_pl001_without_reading_forever(tmp_path):
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    doc = _load_in_thread(link)
    assert doc.text is None
    assert codes(doc) == ["PL001"]
    assert "not a regular file" in doc.problems[0].message


def test_broken_symlink_is_pl001(tmp_path):
    link = tmp_path / "broken.md"
    link.symlink_to(tmp_path / "nowhere.md")
    doc = load(link, "broken.md")
    assert doc.text is None
    assert codes(doc) == ["PL001"]
    assert "cannot open" in doc.problems[0].message
    assert doc.problems[0].span.start == Position(1, 1, 0)


def test_directory_is_pl001(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    doc = load(folder, "folder.md")
    assert doc.text is None
    assert codes(doc) == ["PL001"]


def test_file_deleted_before_reading_is_pl001(tmp_path):
    path = tmp_path / "gone.md"
    path.write_text(POST, encoding="utf-8")
    path.unlink()
    doc = load(path, "gone.md")
    assert doc.text is None
    assert codes(doc) == ["PL001"]
    assert "cannot open" in doc.problems[0].message


def test_unreadable_document_front_matter_parse_is_a_no_op(tmp_path):
    doc = load(tmp_path / "missing.md", "missing.md")
    parse_front_matter(doc)
    assert doc.front_matter is None
    assert codes(doc) == ["PL001"]


# --- size limit -----------------------------------------------------------------


def test_file_over_the_size_limit_is_pl007(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 17)
    doc = load(path, "big.md", max_size=16)
    assert doc.text is None
    assert codes(doc) == ["PL007"]
    assert "17" in doc.problems[0].message and "16" in doc.problems[0].message


def test_file_at_the_size_limit_is_read(tmp_path):
    path = tmp_path / "fits.md"
    data = b"---\na: 1\n---\nxxx"
    assert len(data) == 16
    path.write_bytes(data)
    doc = load(path, "fits.md", max_size=16)
    assert doc.problems == []
    assert doc.text == data.decode()


def test_size_limit_counts_bytes_not_code_points(tmp_path):
    # 6 Bengali code points are 18 bytes
    path = tmp_path / "bn.md"
    path.write_bytes("বাংলাভ".encode())
    assert len("বাংলাভ") == 6
    doc = load(path, "bn.md", max_size=10)
    assert codes(doc) == ["PL007"]


def test_default_size_limit_is_ten_mebibytes():
    assert DEFAULT_MAX_FILE_SIZE == 10 * 1024 * 1024
