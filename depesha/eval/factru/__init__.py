"""factRuEval-2016: gold reader, response writer and the official scorers of tracks 1 and 3."""
