"""Word output: python-docx with grgen's own clean base document and OOXML revisions."""
