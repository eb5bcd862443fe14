"""Import an existing regeling (Word, CVDR XML, officiële publicatie XML, text) as grgen YAML.

Readers per source kind (`tekst`, `xml`, `word`) turn a source into one neutral structure, a
`Brontekst`: the paragraphs as a reader sees them, numbers included. One set of structure
heuristics (`structuur`) builds the regeling from it, `verwijzingen` turns "artikel 5, tweede
lid" into `[[id]]` where that renders to the same words, and `schrijven` produces the YAML
files in the documented format. `importeren` is the use case that ties them together.
"""
