// Video view, drawn as Gradio's: a block with the label badge in its corner; with no video, an
// output shows Gradio's empty state and an upload its dashed prompt ("Drop Video Here") over
// the source toolbar (the webcam button is disabled: there is no recorder here). The video's bytes arrive as a binary buffer (the `data` trait, a DataView) and
// play in the browser's <video> element through a Blob URL, revoked when replaced (a video whose
// value is an http(s) URL, `src`, is played by the page from there); subtitles
// (WebVTT text) become a <track> from a Blob URL too. When interactive, a file picked or
// dropped travels to the kernel in chunks of binary buffers (the loader's `upload`), never
// base64. The player's play/pause events are sent as they happen, its end as Gradio's stop
// then end.

function render({ model, el, upload, dropZone, webUrl, header, emptyState, uploadText, sourceBar, iconButton }) {
  el.classList.add("gnb-video");
  const make = (tag, cls) => Object.assign(document.createElement(tag), { className: cls });
  const { badge, sync: syncHeader } = header(el, { label: "gnb-video-label", badge: "video" });
  const frame = make("div", "gnb-video-frame");
  const player = make("video", "gnb-video-player");
  player.controls = true;
  player.playsInline = true;
  player.preload = "auto";
  const blank = emptyState("video");
  const empty = uploadText("Video");
  empty.box.classList.add("gnb-video-empty");
  const message = make("div", "gnb-video-message");
  const tools = make("div", "gnb-icon-bar");
  const clear = iconButton("Clear", "clear", () => model.send({ event: "clear" }), "gnb-icon-button gnb-video-clear");
  tools.append(clear);
  // Gradio's toolbar under the prompt; a click keeps the upload (the webcam cannot be chosen)
  const sources = sourceBar(() => {});
  const picker = make("input", "");
  picker.type = "file";
  picker.accept = "video/*";
  picker.hidden = true;
  frame.append(player, blank, empty.box, message);
  el.append(badge, tools, frame, sources.bar, picker);

  let url = null;
  let trackUrl = null;
  const interactive = () => !model.get("disabled");
  const canUpload = () => interactive() && model.get("upload");

  const take = (files) => {
    const file = files.find((f) => !f.type || f.type.startsWith("video/"));
    if (file && canUpload()) upload([file], { name: "video.mp4" });
  };

  const showSubtitles = () => {
    player.querySelectorAll("track").forEach((t) => t.remove());
    if (trackUrl) URL.revokeObjectURL(trackUrl);
    trackUrl = null;
    const vtt = model.get("subtitles");
    if (!vtt) return;
    trackUrl = URL.createObjectURL(new Blob([vtt], { type: "text/vtt" }));
    const track = Object.assign(document.createElement("track"), { kind: "captions", label: "Subtitles", src: trackUrl, default: true });
    player.append(track);
  };

  const showVideo = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    const data = model.get("data");
    const size = data ? data.byteLength : 0;
    const src = webUrl(model.get("src"));
    if (size || src) {
      if (size) url = URL.createObjectURL(new Blob([data], { type: model.get("mime") || "video/mp4" }));
      player.src = url || src;
      if (model.get("autoplay")) {
        player.muted = true; // browsers autoplay only muted videos before a person interacts
        player.play().catch(() => {});
      }
    } else {
      player.removeAttribute("src");
      player.load();
    }
    props();
  };

  player.addEventListener("play", () => model.send({ event: "play" }));
  player.addEventListener("pause", () => {
    if (!player.ended) model.send({ event: "pause" });
  });
  player.addEventListener("ended", () => {
    model.send({ event: "stop" });
    model.send({ event: "end" });
  });
  player.addEventListener("error", () => {
    if (!player.getAttribute("src")) return;
    message.textContent = "This browser cannot play this video (its format or codec).";
    message.hidden = false;
  });
  dropZone({ zone: el, accepts: canUpload, onFiles: take, dragClass: "gnb-video-drop", picker, clickers: [empty.box] });

  function props() {
    const has = !!(model.get("data") && model.get("data").byteLength) || !!webUrl(model.get("src"));
    syncHeader();
    el.classList.toggle("gnb-video-interactive", canUpload());
    player.loop = model.get("loop");
    player.hidden = !has;
    el.style.height = model.get("height");
    el.style.width = model.get("width");
    message.textContent = model.get("message");
    message.hidden = !model.get("message");
    const prompting = !has && !model.get("message") && interactive();
    empty.box.hidden = !prompting;
    empty.box.classList.toggle("gnb-video-clickable", canUpload());
    el.classList.toggle("gnb-video-dashed", prompting);
    blank.hidden = has || !!model.get("message") || interactive();
    tools.hidden = !(has || model.get("message")) || !interactive();
    const offered = ["upload", "webcam"].filter((s) => model.get(s));
    if (prompting) sources.set(offered, offered[0], (s) => (s === "webcam" ? "no webcam recorder here" : ""));
    sources.bar.hidden ||= !prompting;
  }

  model.on("change:data", showVideo);
  model.on("change:mime", showVideo);
  model.on("change:src", showVideo);
  model.on("change:subtitles", showSubtitles);
  for (const name of ["label", "show_label", "pending", "disabled", "upload", "webcam", "loop", "message", "height", "width"]) {
    model.on(`change:${name}`, props);
  }
  showSubtitles();
  showVideo();
  return () => {
    if (url) URL.revokeObjectURL(url);
    if (trackUrl) URL.revokeObjectURL(trackUrl);
  };
}

export default { render };
