"""Stage 3: everything a handout will print, checked before anything is drawn: every character against the
fonts, every image decoded."""
