"""gradio_nb's benchmarks: each measures gradio_nb and its baselines in the same run."""
