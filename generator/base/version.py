"""The tool's version: printed by --version, written into every PDF's metadata and every batch fingerprint."""

VERSION = "0.1.0"
