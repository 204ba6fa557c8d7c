"""Stage 2: a validated worksheet into a handout with nothing left to look up: exercises, doses, language,
layout, clinic and the client's own changes all settled."""
