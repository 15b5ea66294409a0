"""The page pipeline: ordered per-page steps run in worker processes, then PDF/A assembly."""
