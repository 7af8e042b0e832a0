"""Views of results: tables, frames, charts, files."""
