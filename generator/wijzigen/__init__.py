"""The amendment engine, the timeline and the wording of the wijzigingsbesluit."""
