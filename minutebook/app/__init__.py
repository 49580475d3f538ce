"""The application: one ingest run (lock, skip, workers, writer, lineage, lifecycle), the
report and the review sheet. The CLI and Python callers both go through here."""
