"""Documents made from the samples by real writers (reportlab, python-docx), and broken ones."""

from __future__ import annotations

import html
from pathlib import Path

from docx import Document as DocxDocument
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from minutebook.ingest.text import strip_tags

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_lines(name: str) -> list[str]:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [strip_tags(line).replace("**", "").strip() for line in text.splitlines()]


def _paragraphs(name: str) -> list[Flowable]:
    """A text sample's prose lines (table rows left out) as reportlab paragraphs."""
    body = getSampleStyleSheet()["BodyText"]
    story: list[Flowable] = []
    for line in sample_lines(name):
        if line and "\t" not in line:
            story += [Paragraph(html.escape(line), body), Spacer(1, 4)]
    return story


def minutes_pdf(name: str, out: Path, encrypt: str | None = None) -> Path:
    """A PDF of a text sample's paragraphs, written by reportlab (optionally encrypted)."""
    doc = SimpleDocTemplate(str(out), pagesize=A4, encrypt=encrypt)
    doc.build(_paragraphs(name))
    return out


def tracker_rows(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a tab-separated tracker sample, page furniture left out."""
    header: list[str] = []
    rows: list[list[str]] = []
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        cells = [strip_tags(c).strip() for c in line.split("\t")]
        if "Progress Check On" in cells or "PROGRESS/COMMENTS" in cells:
            header = cells
        elif header and cells[0] != "KEY" and "No Progress Reported" not in cells:
            rows.append(cells)
    return header, rows


def tracker_pdf(name: str, out: Path, repeat: int = 1) -> Path:
    """A multi-page tracker PDF: one ruled table whose rows cross page breaks."""
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8)
    header, rows = tracker_rows(name)
    width = len(header)
    data = [[Paragraph(html.escape(c), small) for c in header]]
    for _ in range(repeat):
        for row in rows:
            padded = [""] * (width - len(row)) + row if len(row) < width else row[:width]
            data.append([Paragraph(html.escape(c), small) for c in padded])
    table = LongTable(data, repeatRows=1, colWidths=[(A4[0] - 2 * cm) / width] * width)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=cm, rightMargin=cm)
    doc.build([Paragraph("Actions and recommendations tracker", styles["Heading1"]), table])
    return out


def minutes_docx(name: str, out: Path) -> Path:
    """A Word file of a text sample: paragraphs, and table rows as a real Word table."""
    document = DocxDocument()
    table_rows: list[list[str]] = []

    def flush() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = document.add_table(rows=0, cols=width)
        for row in table_rows:
            cells = table.add_row().cells
            for i, value in enumerate(row):
                cells[i].text = value
        table_rows.clear()

    for raw in (SAMPLES / name).read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            table_rows.append([strip_tags(c).strip() for c in raw.split("\t")])
            continue
        flush()
        line = strip_tags(raw).replace("**", "").strip()
        if line:
            document.add_paragraph(line)
    flush()
    document.save(str(out))
    return out


def minutes_html(name: str, out: Path) -> Path:
    """A full web page around a text sample: navigation, sidebar and footer that must be dropped."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in sample_lines(name) if line)
    out.write_text(
        "<!doctype html><html><head><title>Minutes</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a> RESOLVED that this menu is not a record</nav>"
        f"<header>Council website</header><main>{body}</main>"
        "<aside>Latest news: AGREED that sidebars are noise</aside>"
        "<footer>Copyright the Council</footer></body></html>",
        encoding="utf-8",
    )
    return out


def broken_files(folder: Path, good_pdf: Path) -> dict[str, Path]:
    """Bad input of every kind named in the issues, each a real file on disk."""
    folder.mkdir(parents=True, exist_ok=True)
    data = good_pdf.read_bytes()
    out = {
        "truncated": folder / "truncated.pdf",
        "empty": folder / "empty.txt",
        "html_as_pdf": folder / "page.pdf",
        "junk": folder / "junk.pdf",
        "unsupported": folder / "sheet.xlsx",
    }
    out["truncated"].write_bytes(data[: len(data) // 3])
    out["empty"].write_bytes(b"")
    out["html_as_pdf"].write_text("<html><body><p>Not a PDF</p></body></html>", encoding="utf-8")
    out["junk"].write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    out["unsupported"].write_bytes(b"\x00\x01binary spreadsheet\x00" * 10)
    return out


def minutes_pdf_with_running_lines(name: str, out: Path, header: str) -> Path:
    """minutes_pdf plus a running header and a 'Page N' footer, drawn on every page."""
    from typing import Any

    story = _paragraphs(name)

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(doc.leftMargin, A4[1] - 1.5 * cm, header)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out


def drawn_lines_pdf(out: Path, pages: list[list[str]], font_size: int = 11) -> Path:
    """A PDF whose lines break exactly where given (reportlab canvas), one list per page."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4)
    for lines in pages:
        canvas.setFont("Helvetica", font_size)
        y = A4[1] - 3 * cm
        for line in lines:
            canvas.drawString(2 * cm, y, line)
            y -= font_size * 1.25
        canvas.showPage()
    canvas.save()
    return out


def image_only_pdf(out: Path, pages: int = 2, grid: bool = False) -> Path:
    """A 'scanned' PDF: a raster image and drawn shapes on each page, and no text layer.

    With grid, each page also has an empty ruled table, as a scanned form has.
    """
    import io

    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    picture = Image.new("RGB", (600, 300), "white")
    # text drawn into pixels is what a scan holds: visible, but not a text layer
    ImageDraw.Draw(picture).text((20, 20), "RESOLVED that the report be noted.", fill="black")
    png = io.BytesIO()
    picture.save(png, "PNG")
    canvas = Canvas(str(out), pagesize=A4)
    for _ in range(pages):
        png.seek(0)
        canvas.drawImage(ImageReader(png), 2 * cm, A4[1] - 12 * cm, width=15 * cm, height=7.5 * cm)
        canvas.rect(2 * cm, 2 * cm, 5 * cm, 3 * cm, fill=1)
        canvas.circle(12 * cm, 4 * cm, 1.5 * cm)
        if grid:
            for x in (2, 7, 12, 17):
                canvas.line(x * cm, 8 * cm, x * cm, 16 * cm)
            for y in (8, 10, 12, 14, 16):
                canvas.line(2 * cm, y * cm, 17 * cm, y * cm)
        canvas.showPage()
    canvas.save()
    return out


def moderngov_page(items: list[tuple[str, str, list[str]]]) -> str:
    """A ModernGov minutes page: each item a layout row (number cell, title, minutes paragraphs).

    The shape follows ModernGov's published markup: td.mgItemNumberCell, p.mgAiTitleTxt,
    ul.mgActionList, p.mgSubItemTitleTxt and div.mgWordPara, inside the council's site chrome.
    """
    rows = []
    for number, title, paragraphs in items:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        rows.append(
            f'<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">{number}</p></td>'
            f'<td><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=1">{title}</a></p>'
            '<ul class="mgActionList"><li><a href="ieDecisionDetails.aspx?AIId=1">'
            f"View the decision for item {number}</a></li></ul>"
            '<p class="mgSubItemTitleTxt">Minutes:</p>'
            f'<div class="mgWordPara">{body}</div></td></tr>'
        )
    return (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1252"><title>Minutes</title>'
        "<script>var mgLinks = 1;</script></head><body>"
        '<nav class="breadcrumb"><a href="/">Home</a> &gt; Committees</nav>'
        '<div id="content"><h1 class="mgMainTitleTxt">Minutes</h1>'
        '<table class="mgItemTable" summary="Table of items">' + "".join(rows) + "</table></div>"
        "<footer>Powered by ModernGov</footer></body></html>"
    )
