#!/usr/bin/env python3
"""Thin command-line entry point; the code lives in the vanban package."""

import sys

from vanban.cli import main

if __name__ == "__main__":
    sys.exit(main())
