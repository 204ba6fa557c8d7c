"""Stage 1: files into data. YAML read with the place of every value, checked against the model; the exercise
library, layouts, translations, clinic files and the clients CSV found and read."""
