"""What the served test apps share: a State naming each page's visitor, whose freeing (its
``delete_callback``) writes that name to the file $GRADIO_NB_TEST_LOG, for tests to read."""

import os
import secrets

import gradio_nb as gr

LOG = os.environ.get("GRADIO_NB_TEST_LOG", os.devnull)


def freed(visitor: dict) -> None:
    with open(LOG, "a") as log:
        log.write(f"freed {visitor['id']}\n")


def visitor_state() -> gr.State:
    """A State holding ``{"id": <a new random name>}`` for each session."""
    return gr.State(lambda: {"id": secrets.token_hex(6)}, delete_callback=freed)
