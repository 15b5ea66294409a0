"""The local archive catalog: hồ sơ, documents, files, search and audit over SQLite."""

from app.catalog.models import Document, Hoso, SearchFilters, SearchHit, State
from app.catalog.service import Catalog

__all__ = ["Catalog", "Document", "Hoso", "SearchFilters", "SearchHit", "State"]
