import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import gradio_nb as gr

fig, ax = plt.subplots(figsize=(4, 2.5))
ax.plot([1, 2, 3, 4], [1, 4, 9, 16])

with gr.Blocks() as demo:
    line = gr.LinePlot(pd.DataFrame({"x": [1, 2, 3, 4], "y": [1, 4, 9, 16]}), x="x", y="y", label="Line")
    chart = gr.Plot(fig, label="Matplotlib")
    duck = gr.Model3D(gr.get_model3d("Duck.glb"), label="Duck", height=240)
    pictures = gr.Gallery([gr.get_image("cheetah.jpg"), gr.get_image("bus.png")], label="Pictures", columns=2)
    sound = gr.Audio(gr.get_audio("cantina.wav"), label="Sound")
    shown = gr.Image(gr.get_image("tower.jpg"), label="Tower")
    flip = gr.Button("Flip")
    flip.click(lambda im: im[::-1], shown, shown)

demo.launch()
