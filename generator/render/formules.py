"""The wording of the Aanwijzingen voor de regelgeving, as data: one template per change.

Every Dutch sentence of the wijzigingsbesluit's ARTIKEL I comes from this table. The context of
each template (see `generator/render/besluit.py`):

- `adres`: where the change is, lower case ("artikel 4, tweede lid", "het tweede lid"), or ""
  when the sentence stands under "Artikel 4 wordt als volgt gewijzigd:" and concerns artikel 4;
- `ouder`: for insertions and additions, the element that receives the new one ("" likewise);
- `soort`: the kind of the new or vervallen element ("lid", "onderdeel", "artikel", ...);
- `vernummering`: "het tweede lid tot derde lid", "de onderdelen c tot en met f tot d tot en met g";
- `leesteken_van`: "onderdeel d" whose closing punctuation changes; `wat`, `door`, `tekst`,
  `telkens`, `positie` ("na"/"voor"), `buur` (the neighbour of an inserted artikel),
  `slotteken` ("punt", "puntkomma", "dubbele punt" or "").

Sources: Ar 6.9 (komt te luiden, wordt vervangen door), 6.11 (toevoegen/invoegen), 6.15 (layout
of ARTIKEL I), 6.16 (letter suffixes), 6.18 (vernummering, verlettering, punctuation).
"""

from __future__ import annotations

FORMULES: dict[str, str] = {
    # -- a bijlage, as a whole: the new text is a bijlage of the besluit itself --
    "bijlage_komt_te_luiden": "{{ bijlage|hoofdletter }} komt te luiden zoals opgenomen in {{ besluitbijlage }} bij dit besluit.",
    "bijlage_toevoegen": "Er wordt een bijlage toegevoegd, zoals opgenomen in {{ besluitbijlage }} bij dit besluit.",
    "bijlage_vervalt": "{{ bijlage|hoofdletter }} vervalt.",
    # -- whole elements (Ar 6.9) --
    "komt_te_luiden": "{{ adres|hoofdletter|komma }} komt te luiden:",
    # one sentence of a text (Ar 3.29 "het vijfde lid, tweede zin"): the new sentence quoted
    "zin_komt_te_luiden": "{{ adres|hoofdletter|komma }} komt te luiden: {{ tekst|q }}",
    # -- insertion of an artikel, paragraaf or hoofdstuk: Ar 6.11 and 6.16 --
    "invoegen_begin": "Aan het begin van {{ ouder }} wordt een {{ soort }} ingevoegd, luidende:",
    "invoegen_vast": "{{ positie|hoofdletter }} {{ buur|komma }} wordt een {{ soort }} ingevoegd, luidende:",
    # -- insertion of a lid or onderdeel with renumbering: Ar 6.18 --
    "invoegen_hernummerd": (
        "{% if ouder %}In {{ ouder|komma }} wordt, onder {{ vernummering_woord }} van {{ vernummering }}, een {{ soort }} ingevoegd, luidende:"
        "{% else %}Onder {{ vernummering_woord }} van {{ vernummering }} wordt een {{ soort }} ingevoegd, luidende:{% endif %}"
    ),
    # -- a new last element: Ar 6.11 ("toevoegen") --
    "toevoegen": "{% if ouder %}Aan {{ ouder|komma }} wordt een {{ soort }} toegevoegd, luidende:{% else %}Er wordt een {{ soort }} toegevoegd, luidende:{% endif %}",
    "toevoegen_leesteken": (
        "{% if ouder %}Aan {{ ouder|komma }} wordt, onder vervanging van de punt aan het slot van {{ leesteken_van }} door een puntkomma, "
        "een {{ soort }} toegevoegd, luidende:"
        "{% else %}Onder vervanging van de punt aan het slot van {{ leesteken_van }} door een puntkomma wordt een {{ soort }} toegevoegd, "
        "luidende:{% endif %}"
    ),
    # Ar 6.18, a list joined by "; of" / "; en": `slot` is one or more `slot_deel` joined by "en"
    # ("Onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder
    # vervanging van de punt aan het slot van onderdeel d door "; of" wordt een onderdeel toegevoegd, luidende:")
    "slot_deel": "onder vervanging van {{ oud }} aan het slot van {{ van }} door {{ nieuw }}",
    "toevoegen_slot": (
        "{% if ouder %}Aan {{ ouder|komma }} wordt, {{ slot }}, een {{ soort }} toegevoegd, luidende:"
        "{% else %}{{ slot|hoofdletter }} wordt een {{ soort }} toegevoegd, luidende:{% endif %}"
    ),
    "invoegen_slot": (
        "{% if ouder %}In {{ ouder|komma }} wordt, {{ slot }} en onder {{ vernummering_woord }} van {{ vernummering }}, een {{ soort }} ingevoegd, luidende:"
        "{% else %}{{ slot|hoofdletter }} en onder {{ vernummering_woord }} van {{ vernummering }} wordt een {{ soort }} ingevoegd, luidende:{% endif %}"
    ),
    "vervalt_slot": (
        "{% if ouder %}In {{ ouder|komma }} vervalt, {{ slot }}{% if vernummering %} en onder {{ vernummering_woord }} van {{ vernummering }}{% endif %}, {{ eigen }}."
        "{% else %}{{ slot|hoofdletter }}{% if vernummering %} en onder {{ vernummering_woord }} van {{ vernummering }}{% endif %} vervalt {{ eigen }}.{% endif %}"
    ),
    # Ar 6.18: an artikel without leden that gets a second one.
    "aanduiding_geplaatst": 'Voor de tekst{% if ouder %} van {{ ouder }}{% endif %} wordt de aanduiding "1." geplaatst.',
    "lid_toegevoegd_na_aanduiding": "Er wordt een lid toegevoegd, luidende:",
    # -- deletion --
    "vervalt": "{{ adres|hoofdletter|komma }} vervalt.",
    "vervalt_hernummerd": "{{ adres|hoofdletter|komma }} vervalt, onder {{ vernummering_woord }} van {{ vernummering }}.",
    # several siblings in one sentence (Ar 3.29: "vervallen de subonderdelen 2° en 5°, onder vernummering van ...")
    "vervallen_samen": (
        "{% if ouder %}In {{ ouder|komma }} vervallen {{ wat }}{% if vernummering %}, onder {{ vernummering_woord }} van {{ vernummering }}{% endif %}."
        "{% else %}{{ wat|hoofdletter }} vervallen{% if vernummering %}, onder {{ vernummering_woord }} van {{ vernummering }}{% endif %}.{% endif %}"
    ),
    "vervalt_leesteken": (
        "{% if ouder %}In {{ ouder|komma }} vervalt, onder vervanging van de puntkomma aan het slot van {{ leesteken_van }} door een punt, {{ eigen }}."
        "{% else %}Onder vervanging van de puntkomma aan het slot van {{ leesteken_van }} door een punt vervalt {{ eigen }}.{% endif %}"
    ),
    # Ar 6.18: "Het tweede lid alsmede de aanduiding "1." voor het eerste lid vervallen."
    "vervalt_aanduiding": '{{ adres|hoofdletter|komma }} alsmede de aanduiding "{{ overblijvend }}." voor het {{ overblijvend_woord }} lid vervallen.',
    # -- words (Ar 6.9, 6.11) --
    "vervangen": (
        "{% if adres %}In {{ adres|komma }} wordt {{ wat|q }}{% if telkens %} telkens{% endif %} vervangen door {{ door|q }}."
        "{% else %}{{ wat|q }} wordt{% if telkens %} telkens{% endif %} vervangen door {{ door|q }}.{% endif %}"
    ),
    "woorden_invoegen": (
        "{% if adres %}In {{ adres|komma }} wordt {{ positie }} {{ wat|q }}{% if telkens %} telkens{% endif %} ingevoegd {{ tekst|q }}."
        "{% else %}{{ positie|hoofdletter }} {{ wat|q }} wordt{% if telkens %} telkens{% endif %} ingevoegd {{ tekst|q }}.{% endif %}"
    ),
    "woorden_toevoegen": (
        "Aan het slot van {% if adres %}{{ adres|komma }}{% else %}de tekst{% endif %} wordt"
        "{% if slotteken %}, voor de {{ slotteken }},{% endif %} toegevoegd: {{ tekst|q }}."
    ),
    "woorden_toevoegen_voegwoord": (
        "Aan het slot van {% if adres %}{{ adres|komma }}{% else %}de tekst{% endif %} wordt, voor {{ voegwoord|q }}, toegevoegd: {{ tekst|q }}."
    ),
    "woorden_vervallen": (
        "{% if adres %}In {{ adres|komma }} vervalt{% if telkens %} telkens{% endif %} {{ wat|q }}."
        "{% else %}{{ wat|q }} vervalt{% if telkens %} telkens{% endif %}.{% endif %}"
    ),
    # Several word changes in one element, one sentence (Ar 6.15 example: "In artikel 3, tweede lid,
    # onderdeel b, vervalt "..." en wordt "..." vervangen door "..."."); `delen` are the parts below.
    "woorden_samen": "{% if adres %}In {{ adres|komma }} {{ delen|join(' en ') }}.{% else %}{{ delen|join(' en ')|hoofdletter }}.{% endif %}",
    "deel_vervangen": (
        "{% if adres %}wordt {{ wat|q }}{% if telkens %} telkens{% endif %} vervangen door {{ door|q }}"
        "{% else %}{{ wat|q }} wordt{% if telkens %} telkens{% endif %} vervangen door {{ door|q }}{% endif %}"
    ),
    "deel_vervallen": "{% if adres %}vervalt{% if telkens %} telkens{% endif %} {{ wat|q }}{% else %}{{ wat|q }} vervalt{% if telkens %} telkens{% endif %}{% endif %}",
    "deel_invoegen": (
        "{% if adres %}wordt {{ positie }} {{ wat|q }}{% if telkens %} telkens{% endif %} ingevoegd {{ tekst|q }}"
        "{% else %}{{ positie }} {{ wat|q }} wordt{% if telkens %} telkens{% endif %} ingevoegd {{ tekst|q }}{% endif %}"
    ),
    "opschrift": "Het opschrift{% if adres %} van {{ adres }}{% endif %} komt te luiden: {{ tekst|q }}.",
    "citeertitel": "De citeertitel van de regeling komt te luiden: {{ tekst|q }}.",
    # -- a municipal merger (Wet arhi art. 41, vierde lid): the names, in one change --
    "herindeling_namen": (
        "{% for d in delen %}{{ 'In' if loop.first else ' en in' }} "
        "{% if d.artikelen|length > 1 %}de artikelen {{ d.artikelen|opsomming }}{% else %}artikel {{ d.artikelen[0] }}{% endif %}"
        " wordt {{ d.oud|q }}{% if d.telkens %} telkens{% endif %} vervangen door {{ d.nieuw|q }}{% endfor %}."
    ),
    # -- the structure of ARTIKEL I (Ar 6.15) --
    "artikel_I_aanhef": "{{ lidwoord|hoofdletter }} {{ citeertitel }} wordt als volgt gewijzigd:",
    "groep_aanhef": "{{ adres|hoofdletter|komma }} wordt als volgt gewijzigd:",
}

# Words for renumbering (Ar 6.18): leden are renumbered, onderdelen relettered.
VERNUMMERING_WOORD = {"lid": "vernummering", "onderdeel": "verlettering", "subonderdeel": "vernummering"}

# The closing marks of list items as Ar 6.18 names them: (after "van", after "door").
SLOTNAMEN = {
    ".": ("de punt", "een punt"),
    ";": ("de puntkomma", "een puntkomma"),
    "; of": ('"; of"', '"; of"'),
    "; en": ('"; en"', '"; en"'),
}

# The closing punctuation named in "voor de punt" (woorden_toevoegen).
SLOTTEKENS = {".": "punt", ";": "puntkomma", ":": "dubbele punt"}
