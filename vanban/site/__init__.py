"""Generating the static site: pages (render, no I/O) and build (writes, runs MkDocs)."""
