"""An app fed attack strings: Chatbots and Markdown show user-supplied text as HTML.

Every string in ``ATTACKS`` sets ``window.__pwned`` if any of it runs. The app shows them at
start (in a Markdown, a Chatbot rendering Markdown, a Chatbot showing plain text, a Chatbot
placeholder), and the browser test types each one into the Message box: Enter echoes it into
the chat (as the user's message and in the assistant's reply), "Show as Markdown" renders it
in a second Markdown, "Fail" raises ``gr.Error`` with it.

Served with ``gradio_nb.serve.start_server(path)``; importing this module only builds ``demo``.
"""

import gradio_nb as gr

P = "window.__pwned=1"

ATTACKS = [
    f"<script>{P}</script>",
    f'<img src=x onerror="{P}">',
    f'<a href="javascript:{P}">click me</a>',
    f'<iframe src="javascript:{P}"></iframe>',
    f'<iframe srcdoc="<script>parent.{P}</script>"></iframe>',
    f'<svg onload="{P}"><circle r="10"/></svg>',
    f"<svg><script>{P}</script></svg>",
    f'<body onload="{P}">',
    f'<details open ontoggle="{P}"><summary>s</summary>d</details>',
    f'<input autofocus onfocus="{P}">',
    f"[markdown link](javascript:{P})",
    f'![markdown image](x" onerror="{P})',
    f"[reference link][1]\n\n[1]: javascript:{P}",
    f"<javascript:{P}>",
    f'<a href="jav&#x09;ascript:{P}">tab entity</a>',
    f'<a href="&#106;avascript:{P}">decimal entity</a>',
    f'<a href=" JaVaScRiPt:{P}">mixed case</a>',
    f'<a href="javascript&colon;{P}">named colon</a>',
    f'<a href="vbscript:{P}">vbscript</a>',
    f'<a href="data:text/html,<script>{P}</script>">data url</a>',
    f"<a href=javascript:{P}>unquoted</a>",
    f'<object data="javascript:{P}"></object>',
    '<object data="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+"></object>',
    f'<embed src="javascript:{P}">',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{P}">',
    f'<noscript><p title="</noscript><img src=x onerror={P}>">',
    f'<form action="javascript:{P}"><button>go</button></form>',
    f'<button formaction="javascript:{P}">formaction</button>',
    f'<video><source onerror="{P}"></video>',
    f'<audio src=x onerror="{P}"></audio>',
    f'<div style="background:url(javascript:{P})" onmouseover="{P}">hover</div>',
    f'<style>@import "javascript:{P}";</style>',
    f'<link rel="stylesheet" href="javascript:{P}">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{P}">',
    f'<base href="javascript:{P}//">',
    f'<IMG SRC=x ONERROR="{P}">',
    f"<img/src=x/onerror={P}>",
    f"<scr<script>ipt>{P}</scr</script>ipt>",
    f'<template><img src=x onerror="{P}"></template>',
    f'<svg><a xlink:href="javascript:{P}"><text y="20">svg link</text></a></svg>',
    f'<svg><animate onbegin="{P}" attributeName="x" dur="1s"/></svg>',
    f'<marquee onstart="{P}">marquee</marquee>',
    f'<span class="x" onclick="{P}">span</span>',
    f'<img src="x" srcset="x" onerror="{P}">',
    '<img src=x onerror="&#x77;indow.__pwned=1">',
    f"<![CDATA[<img src=x onerror={P}>]]>",
    f"<!--<img src=x onerror={P}>-->",
    f"<xmp><img src=x onerror={P}></xmp>",
    f'<frameset onload="{P}">',
    f'<select autofocus onfocus="{P}"><option>o</option></select>',
    f'<textarea autofocus onfocus="{P}">t</textarea>',
    f"<img src=x onerror={P}//",
    f"`<img src=x onerror={P}>` in a code span",
    f"```html\n<img src=x onerror={P}>\n```",
    f"| table |\n|---|\n| <img src=x onerror={P}> |",
    f'<div><a href="\x01javascript:{P}">control char</a></div>',
    f'<a href="#" onclick="{P}" target="_blank">onclick link</a>',
    f'<img src="javascript:{P}">',
    f'<table background="javascript:{P}"><tr><td>bg</td></tr></table>',
    f'<object><param name="src" value="javascript:{P}"></object>',
    f'"><img src=x onerror={P}>',
    f"'><img src=x onerror={P}>",
]


def echo(message, history):
    history = history + [
        {"role": "user", "content": message},
        {"role": "assistant", "content": f"You said: {message}"},
    ]
    return "", history


def fail(message):
    raise gr.Error(message, title="Rejected")


with gr.Blocks() as demo:
    markdown = gr.Markdown("\n\n".join(ATTACKS))
    chat = gr.Chatbot(value=[{"role": "assistant", "content": a} for a in ATTACKS], label="Chat")
    plain = gr.Chatbot(
        value=[{"role": "user", "content": a} for a in ATTACKS], render_markdown=False, label="Plain"
    )
    empty = gr.Chatbot(placeholder=ATTACKS[1] + ATTACKS[0] + ATTACKS[2], label="Empty")
    box = gr.Textbox(label="Message")
    show = gr.Button("Show as Markdown")
    rendered = gr.Markdown("")
    fail_button = gr.Button("Fail")
    data = gr.JSON({"attacks": ATTACKS[:5]})
    box.submit(echo, [box, chat], [box, chat])
    show.click(lambda m: m, box, rendered)
    fail_button.click(fail, box, None)

if __name__ == "__main__":
    demo.launch()
