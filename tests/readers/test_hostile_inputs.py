"""Hostile and broken files: each gets one clear line naming the file and exit code 2."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from tests.conftest import run_cli
from tests.readers.test_formats import write_pdf

MB = 1024 * 1024


def _empty(d: Path) -> Path:
    (d / "empty.txt").write_bytes(b"")
    return d / "empty.txt"


def _whitespace(d: Path) -> Path:
    (d / "blank.txt").write_text("  \n\n\t \n")
    return d / "blank.txt"


def _binary_junk(d: Path) -> Path:
    (d / "junk.txt").write_bytes(bytes(range(256)) * 64)
    return d / "junk.txt"


def _binary_as_pdf(d: Path) -> Path:
    (d / "cv.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    return d / "cv.pdf"


def _binary_as_docx(d: Path) -> Path:
    (d / "cv.docx").write_bytes(b"not a zip at all" * 100)
    return d / "cv.docx"


def _sparse_200mb(d: Path) -> Path:
    path = d / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * MB)
    return path


def _megabyte_without_line_breaks(d: Path) -> Path:
    (d / "oneline.txt").write_text("experience budget French advanced " * 30_000)
    return d / "oneline.txt"


def _unknown_extension(d: Path) -> Path:
    (d / "cv.xyz").write_text("Languages: French")
    return d / "cv.xyz"


def _legacy_doc(d: Path) -> Path:
    (d / "cv.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    return d / "cv.doc"


def _undecodable(d: Path) -> Path:
    (d / "cv.txt").write_bytes(b"Experience: caf\xe9 \x81\x8d\x8f\x90\x9d " * 20)
    return d / "cv.txt"


def _encrypted_pdf(d: Path) -> Path:
    plain = write_pdf(d / "plain.pdf", [["Confidential CV"]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = d / "secret.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _truncated_pdf(d: Path) -> Path:
    plain = write_pdf(d / "whole.pdf", [["A CV that will be cut short"]])
    path = d / "broken.pdf"
    path.write_bytes(plain.read_bytes()[:400])
    return path


def _ten_thousand_blank_pages(d: Path) -> Path:
    writer = PdfWriter()
    for _ in range(10_000):
        writer.add_blank_page(width=595, height=842)
    path = d / "blank-pages.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _docx_zip_bomb(d: Path) -> Path:
    path = d / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * (120 * MB))
    return path


def _docx_with_entities(d: Path) -> Path:
    good = d / "good.docx"
    word = docx.Document()
    word.add_paragraph("Languages: French")
    word.save(good)
    path = d / "xxe.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
            target.writestr(item, data)
    return path


def _directory(d: Path) -> Path:
    (d / "folder.txt").mkdir()
    return d / "folder.txt"


def _missing(d: Path) -> Path:
    return d / "missing.pdf"


CASES = {
    "empty file": (_empty, "the file is empty"),
    "whitespace only": (_whitespace, "the file has no text"),
    "binary junk": (_binary_junk, "binary content"),
    "binary named .pdf": (_binary_as_pdf, "not a PDF file"),
    "binary named .docx": (_binary_as_docx, "not a DOCX file"),
    "200 MB sparse file": (_sparse_200mb, "over the 10 MB limit"),
    "1 MB on one line": (_megabyte_without_line_breaks, "characters, over the 500000 limit"),
    "unknown extension": (_unknown_extension, "unsupported file type '.xyz'"),
    "legacy .doc": (_legacy_doc, "legacy Word .doc"),
    "undecodable bytes": (_undecodable, "undecodable bytes"),
    "encrypted PDF": (_encrypted_pdf, "the PDF is encrypted"),
    "truncated PDF": (_truncated_pdf, "the PDF"),
    "10,000 blank pages": (_ten_thousand_blank_pages, "10000 pages, over the limit of 50"),
    "DOCX zip bomb": (_docx_zip_bomb, "zip bomb"),
    "DOCX with XML entities": (_docx_with_entities, "declares XML entities"),
    "a directory": (_directory, "not a regular file"),
    "a missing file": (_missing, "no such file"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_one_clear_line_and_exit_code_2(case, tmp_path):
    make, expected = CASES[case]
    path = make(tmp_path)
    result = run_cli("parse", str(path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [lines[0]], result.stderr
    assert lines[0].startswith(f"jobmatch: cannot read {path}: "), lines[0]
    assert expected in lines[0]


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path, fixtures):
    bad = _empty(tmp_path)
    result = run_cli("parse", str(fixtures / "notices" / "itu_bare_network_engineer.txt"), str(bad), "--json")
    assert result.returncode == 2
    assert '"vacancy_number": "9901"' in result.stdout
    assert f"cannot read {bad}: the file is empty" in result.stderr
