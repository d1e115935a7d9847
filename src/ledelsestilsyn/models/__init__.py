"""Pydantic models of the four file formats: template, concept, review, manifest."""
