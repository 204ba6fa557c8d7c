"""Stage 4: a checked handout into ReportLab flowables, in the handout's language, sized from its layout."""
