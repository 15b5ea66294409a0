"""PDF/A-2b output: page images with an invisible OCR text layer."""
