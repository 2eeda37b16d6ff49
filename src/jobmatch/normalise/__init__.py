"""Pure normalisers: text in, normalised values out (dates, years, degree levels, languages...)."""
