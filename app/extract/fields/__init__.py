"""One module per field read from the OCR words of a first page."""
