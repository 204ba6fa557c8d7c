"""Stage 5: flowables onto pages: fonts, page templates, header, footer, "Page N of M", the PDF bytes."""
