"""Ingest: from the files people hold (Word, legacy encodings, PDFs, scans) to draft documents."""
