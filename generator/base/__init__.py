"""What every stage stands on: read-only records, the error types and the version."""
