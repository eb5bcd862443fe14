"""Renderers: views of the model (text, Markdown, Word)."""
