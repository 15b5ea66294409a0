"""Periodic reports (month, quarter, half-year, year): the model, XLSX and PDF, the desk's own."""
