"""Diffs between versions: word level inside an element, element level by stable id."""
