"""Hostile inputs, each made by a real writer (python-docx, reportlab, zipfile) at test time.

The corpus of issue 14: a zip bomb and a billion-laughs Word file, HTML nested very deep
or weighing 50 MB, a 2,000-page PDF, one huge page, UTF-16 and cp1252 text, odd names.
Nothing here is committed as a binary; every file is written into a test's folder.
"""

from __future__ import annotations

import codecs
import shutil
import struct
import zipfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.fixtures import SAMPLES, minutes_docx, sample_lines

_PARAGRAPH = (
    b'<w:p><w:r><w:t xml:space="preserve">RESOLVED - That the report be noted.</w:t></w:r></w:p>'
)


def _rewrite_docx(source: Path, out: Path, document_xml: object) -> Path:
    """A copy of a real Word file whose word/document.xml is replaced.

    document_xml is bytes, or an iterable of byte chunks streamed into the archive (so a
    bomb is built without holding its unpacked size in memory).
    """
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))
                continue
            info = zipfile.ZipInfo("word/document.xml", item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(info, "w") as member:
                chunks = [document_xml] if isinstance(document_xml, bytes) else document_xml
                for chunk in chunks:  # type: ignore[attr-defined]
                    member.write(chunk)
    return out


def zip_bomb_docx(out: Path, unpacked_mb: int = 600) -> Path:
    """A valid Word file whose document.xml unpacks to `unpacked_mb` MB of paragraphs
    (about 600 KB on disk for 600 MB): read whole, it takes a worker to gigabytes."""
    real = minutes_docx("nelincs_cllsp_minutes_2020-07-09.txt", out.with_suffix(".src.docx"))

    def body() -> object:
        yield (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body>"
        )
        block = _PARAGRAPH * -(-1024 * 1024 // len(_PARAGRAPH))  # just over 1 MB
        for _ in range(unpacked_mb):
            yield block
        yield b"</w:body></w:document>"

    _rewrite_docx(real, out, body())
    real.unlink()
    return out


def lying_zip_docx(out: Path, unpacked_mb: int = 40, declared: int = 100_000) -> Path:
    """zip_bomb_docx, with document.xml's size in both of its headers changed to
    `declared` bytes: a reader that trusts the header is told a small part."""
    zip_bomb_docx(out, unpacked_mb)
    data = bytearray(out.read_bytes())
    name = b"word/document.xml"
    for signature, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        at = data.find(signature)
        while at != -1 and data[at + name_at : at + name_at + len(name)] != name:
            at = data.find(signature, at + 1)
        assert at != -1, f"no {signature!r} header for {name!r}"
        data[at + size_at : at + size_at + 4] = struct.pack("<I", declared)
    out.write_bytes(bytes(data))
    return out


def billion_laughs_docx(out: Path) -> Path:
    """A Word file whose document.xml defines entities that expand to ten to the ninth
    'lol's (the classic XML bomb)."""
    real = minutes_docx("nelincs_cllsp_minutes_2020-07-09.txt", out.with_suffix(".src.docx"))
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<!DOCTYPE w:document [{''.join(entities)}]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    _rewrite_docx(real, out, xml.encode())
    real.unlink()
    return out


def deep_html(out: Path, depth: int = 100_000) -> Path:
    """Minutes inside `depth` nested <div>s: recursion-hungry for any tree walker."""
    body = "".join(
        f"<p>{line}</p>" for line in sample_lines("nelincs_cllsp_minutes_2020-07-09.txt")
    )
    out.write_text(
        f"<!doctype html><html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>",
        encoding="utf-8",
    )
    return out


def many_pages_pdf(out: Path, pages: int = 2000) -> Path:
    """A PDF of `pages` pages, each with a line of minutes: an agenda pack, not a meeting."""
    c = canvas.Canvas(str(out), pagesize=A4)
    for n in range(pages):
        c.drawString(72, 770, f"Page {n + 1}: RESOLVED - That the report be noted.")
        c.showPage()
    c.save()
    return out


def huge_page_pdf(out: Path, lines: int = 4000) -> Path:
    """One very tall page holding `lines` lines of minutes (about 200,000 characters)."""
    text = [line for line in sample_lines("leics_cfosc_minutes_2025-09-02.txt") if line]
    height = 12 * lines + 144
    c = canvas.Canvas(str(out), pagesize=(A4[0], height))
    c.setFont("Helvetica", 8)
    for i in range(lines):
        c.drawString(36, height - 72 - 12 * i, text[i % len(text)][:110])
    c.showPage()
    c.save()
    return out


def utf16_text(out: Path, name: str = "nelincs_cllsp_minutes_2020-07-09.txt") -> Path:
    """A text sample saved as Windows' 'Unicode' (UTF-16 LE with a BOM)."""
    out.write_bytes(codecs.BOM_UTF16_LE + (SAMPLES / name).read_text("utf-8").encode("utf-16-le"))
    return out


def cp1252_text(out: Path, name: str = "nelincs_cllsp_minutes_2020-07-09.txt") -> Path:
    """A text sample saved by an old Windows export, with a pound sign and curly quotes."""
    text = (SAMPLES / name).read_text("utf-8") + "\nRESOLVED – That the £5 fee be kept ‘as is’.\n"
    out.write_bytes(text.encode("cp1252"))
    return out


def binary_named_txt(out: Path) -> Path:
    """A picture saved with a .txt name."""
    from PIL import Image  # reportlab's own dependency

    Image.new("RGB", (64, 64), (200, 10, 10)).save(out, format="PNG")
    return out


def odd_names(folder: Path) -> list[Path]:
    """The same real minutes under names with spaces, accents, quotes and a leading dash."""
    folder.mkdir(parents=True, exist_ok=True)
    names = ["minutes 2025 (final).txt", "procès-verbal é.txt", 'it\'s "quoted".txt', "-dash.txt"]
    out = []
    for name in names:
        shutil.copy(SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt", folder / name)
        out.append(folder / name)
    return out
