"""The attack suite: Gradio's advisories tried against both serving modes (see the README's "Security")."""
