"""grgen: a gemeenschappelijke regeling as versioned data, its amendments and approval documents.

Layers, bottom up; a module imports only downward (tests/test_lagen.py guards it):
  0 shared: model, errors, nummering, adressen, blokken, suggesties, onderwerpen, proces, ontwerpsleutels
  1 loader (the only reader) and uitvoer (the only writer), used by the use cases alone
  2 wijzigen (the pure amendment engine)       3 diff and controles (pure comparisons, checks)
  4 render (views: besluit, renvooi, documents) 5 pipeline; 6 use cases (verschil, ontwerp); 7 cli
"""

__version__ = "0.1.0"
