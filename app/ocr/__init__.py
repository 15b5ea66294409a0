"""OCR engines behind one Protocol: Tesseract, and a null engine for "OCR off"."""
