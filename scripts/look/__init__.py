"""The look comparison tool: the same app served by real Gradio and by gradio_nb at 1280 px,
each component found on both pages and compared (box, visibility, font, colours, border).

- ``servers``: serving an app both ways on 127.0.0.1 (Gradio's server is shared with the
  browser tests), ``tagged_app``: the served gradio_nb app whose widgets carry the tool's tags;
- ``measure``: waiting for a page and measuring its components (in the page's JS);
- ``compare``: matching the two sides and the figures (pure Python, unit-tested);
- ``pictures``: pair pictures with the differing components outlined (shared with the tests);
- ``app``: one app, end to end; ``report``: the summary; ``__main__``: the command.

    python -m scripts.look --jobs 2 --keep-worst 6     # every app of ../shared/gradio-demos
"""
