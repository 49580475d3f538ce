"""How big an input may be, checked before any parser sees it.

A parser's memory and time grow with what it reads, and a few hostile or accidental
files (a zip bomb, a council's whole archive in one page, HTML nested 100,000 deep)
would take a worker to gigabytes or minutes. Each limit is far above any real set of
minutes: the biggest of our samples is under a tenth of it. A file over a limit fails
alone as `too_large` (or `too_deep`), with the limit in its message.
"""

from __future__ import annotations

MB = 1024 * 1024

# Bytes on disk, by format. Text and HTML hold little else than text, so these sit just
# above what MAX_TEXT_CHARS (extract/pipeline.py) would refuse after parsing anyway.
MAX_FILE_BYTES = {"pdf": 200 * MB, "docx": 100 * MB, "html": 16 * MB, "text": 8 * MB}
# Any file at all, checked before it is read into memory to find its format.
MAX_ANY_FILE_BYTES = max(MAX_FILE_BYTES.values())

# PDF: pages in one file. Minutes run to tens of pages; agenda packs with reports to a
# few hundred.
MAX_PDF_PAGES = 1_000
# PDF: characters, counted by PDFium before pdfplumber builds an object for each one
# (~1 KB apiece). A dense A4 page holds about 5,000; extraction refuses more than
# 1,000,000 in a document (MAX_TEXT_CHARS), so twice that is refused unread.
MAX_PDF_PAGE_CHARS = 200_000
MAX_PDF_CHARS = 2_000_000

# DOCX: what the zip unpacks to, as its directory declares and as it really inflates.
MAX_DOCX_UNPACKED_BYTES = 200 * MB  # every member, pictures included
MAX_DOCX_XML_BYTES = 32 * MB  # each XML member (python-docx parses them whole)
MAX_DOCX_MEMBERS = 10_000

# HTML: elements open at once. Real pages nest 10 to 40 deep; browsers stop nesting at
# 512. Deeper, the HTML parser's time grows with the square of the depth.
MAX_HTML_DEPTH = 512
