// Audio view, drawn as Gradio's: a block with the label badge; with no sound, an output shows
// Gradio's small empty state under the badge's row, and an input its dashed upload prompt, or
// the record button, over the source toolbar (upload, microphone). The sound's bytes arrive as a binary buffer (the `data` trait, a DataView) and
// play in the browser's <audio> element through a Blob URL, revoked when replaced; a sound whose
// value is an http(s) URL (`src`) is played by the page from there, without a waveform (the
// kernel fetches nothing, and another site's bytes are not the page's to decode). Above the
// player, a waveform drawn on a canvas from the samples the browser decodes (a click seeks). When
// interactive, a file picked or dropped, or a microphone recording (MediaRecorder, encoded
// here as a 16-bit WAV named audio.wav, as Gradio's page names it), travels to the kernel in
// chunks of binary buffers (the loader's `upload`, with `source`: "upload" or "record"), never
// base64. The player's play/pause/ended events are sent as Gradio's play/pause/stop. Text is
// set as textContent.

/** A decoded AudioBuffer as the bytes of a 16-bit PCM WAV file. */
function wav_from(buffer) {
  const channels = buffer.numberOfChannels;
  const frames = buffer.length;
  const out = new DataView(new ArrayBuffer(44 + frames * channels * 2));
  const text = (at, s) => [...s].forEach((c, i) => out.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  out.setUint32(4, 36 + frames * channels * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true);
  out.setUint16(22, channels, true);
  out.setUint32(24, buffer.sampleRate, true);
  out.setUint32(28, buffer.sampleRate * channels * 2, true);
  out.setUint16(32, channels * 2, true);
  out.setUint16(34, 16, true);
  text(36, "data");
  out.setUint32(40, frames * channels * 2, true);
  const data = [...Array(channels).keys()].map((c) => buffer.getChannelData(c));
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const s = Math.max(-1, Math.min(1, data[c][i]));
      out.setInt16(at, s < 0 ? s * 32768 : s * 32767, true);
      at += 2;
    }
  }
  return out.buffer;
}

let context = null;
/** Decode audio bytes with WebAudio (null when the browser cannot). */
async function decode(bytes) {
  try {
    context ??= new (globalThis.AudioContext || globalThis.webkitAudioContext)();
    return await context.decodeAudioData(bytes);
  } catch {
    return null;
  }
}

function render({ model, el, upload, dropZone, webUrl, header, emptyState, uploadText, sourceBar, iconButton }) {
  el.classList.add("gnb-audio");
  const make = (tag, cls) => Object.assign(document.createElement(tag), { className: cls });
  const { badge, sync: syncHeader } = header(el, { label: "gnb-audio-label", badge: "music" });
  const frame = make("div", "gnb-audio-frame");
  const canvas = make("canvas", "gnb-audio-wave");
  const player = make("audio", "gnb-audio-player");
  player.controls = true;
  player.preload = "auto";
  const blank = emptyState("music");
  blank.classList.add("gnb-audio-blank");
  const prompt = uploadText("Audio");
  const empty = prompt.box;
  empty.classList.add("gnb-audio-empty");
  const message = make("div", "gnb-audio-message");
  const bar = make("div", "gnb-audio-bar");
  const record = make("button", "gnb-audio-record");
  record.type = "button";
  const pauseRec = make("button", "gnb-audio-pause-record");
  pauseRec.type = "button";
  pauseRec.textContent = "Pause";
  const tools = make("div", "gnb-icon-bar");
  const clear = iconButton("Clear", "clear", () => model.send({ event: "clear" }), "gnb-icon-button gnb-audio-clear");
  tools.append(clear);
  let active = ""; // the source chosen in the toolbar ("" until props() picks the first)
  const sources = sourceBar((source) => {
    active = source;
    props();
  });
  const picker = make("input", "");
  picker.type = "file";
  picker.accept = "audio/*";
  picker.hidden = true;
  bar.append(record, pauseRec);
  frame.append(canvas, player, blank, empty, bar, message);
  el.append(badge, tools, frame, sources.bar, picker);

  let url = null;
  let peaks = null; // [min, max] per canvas column
  let recorder = null;
  let showing = 0; // counts data changes: a late decode of old data is dropped
  const interactive = () => !model.get("disabled");
  const canUpload = () => interactive() && model.get("upload");

  const draw = () => {
    const width = (canvas.width = canvas.clientWidth || 300);
    const height = (canvas.height = canvas.clientHeight || 64);
    const g = canvas.getContext("2d");
    g.clearRect(0, 0, width, height);
    if (!peaks) return;
    const style = getComputedStyle(el);
    const base = model.get("waveform_color") || style.getPropertyValue("--gnb-wave").trim() || "#bbb";
    const done = model.get("progress_color") || style.getPropertyValue("--gnb-wave-progress").trim() || "#f97316";
    const at = player.duration ? (player.currentTime / player.duration) * width : 0;
    for (let x = 0; x < width; x++) {
      const [lo, hi] = peaks[Math.floor((x * peaks.length) / width)] || [0, 0];
      g.fillStyle = x < at ? done : base;
      g.fillRect(x, ((1 - hi) * height) / 2, 1, Math.max(1, ((hi - lo) * height) / 2));
    }
  };

  const computePeaks = (buffer) => {
    const samples = buffer.getChannelData(0);
    const columns = Math.max(1, canvas.clientWidth || 300);
    const step = Math.max(1, Math.floor(samples.length / columns));
    const out = [];
    for (let i = 0; i < samples.length; i += step) {
      let lo = 0;
      let hi = 0;
      for (let j = i; j < Math.min(i + step, samples.length); j++) {
        lo = Math.min(lo, samples[j]);
        hi = Math.max(hi, samples[j]);
      }
      out.push([lo, hi]);
    }
    return out;
  };

  const showAudio = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    peaks = null;
    const turn = ++showing;
    const data = model.get("data");
    const size = data ? data.byteLength : 0;
    if (size) {
      const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + size);
      url = URL.createObjectURL(new Blob([bytes], { type: model.get("mime") || "audio/wav" }));
      player.src = url;
      if (model.get("autoplay")) player.play().catch(() => {});
      if (model.get("waveform")) {
        decode(bytes.slice(0)).then((buffer) => {
          if (buffer && turn === showing) {
            peaks = computePeaks(buffer);
            draw();
          }
        });
      }
    } else if (webUrl(model.get("src"))) {
      player.src = webUrl(model.get("src"));
      if (model.get("autoplay")) player.play().catch(() => {});
    } else {
      player.removeAttribute("src");
      player.load();
    }
    props();
    draw();
  };

  const take = (files) => {
    const file = files.find((f) => !f.type || f.type.startsWith("audio/") || f.type.startsWith("video/"));
    if (file && canUpload()) upload([file], { name: "audio.wav", source: "upload" });
  };

  const startRecording = async () => {
    if (recorder || !interactive() || !model.get("record")) return;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      message.textContent = `Microphone not available: ${err.message || err}`;
      message.hidden = false;
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = async () => {
      stream.getTracks().forEach((track) => track.stop());
      recorder = null;
      props();
      const blob = new Blob(chunks, { type: chunks[0]?.type || "audio/webm" });
      const buffer = await decode(await blob.arrayBuffer());
      // A WAV the kernel can read as samples; the browser's own format if it cannot decode it.
      const file = buffer ? new Blob([wav_from(buffer)], { type: "audio/wav" }) : blob;
      upload([file], { name: buffer ? "audio.wav" : "audio.webm", source: "record" });
    };
    recorder.start();
    model.send({ event: "start_recording" });
    props();
  };

  record.addEventListener("click", () => {
    if (recorder) recorder.stop();
    else startRecording();
  });
  pauseRec.addEventListener("click", () => {
    if (!recorder) return;
    if (recorder.state === "recording") {
      recorder.pause();
      model.send({ event: "pause_recording" });
    } else {
      recorder.resume();
    }
    props();
  });
  player.addEventListener("play", () => model.send({ event: "play" }));
  player.addEventListener("pause", () => {
    if (!player.ended) model.send({ event: "pause" });
  });
  player.addEventListener("ended", () => model.send({ event: "stop" }));
  player.addEventListener("timeupdate", draw);
  canvas.addEventListener("click", (evt) => {
    if (!player.duration) return;
    const rect = canvas.getBoundingClientRect();
    player.currentTime = ((evt.clientX - rect.left) / rect.width) * player.duration;
    draw();
  });
  dropZone({ zone: el, accepts: canUpload, onFiles: take, dragClass: "gnb-audio-drop", picker, clickers: [empty] });

  function props() {
    const bytes = !!(model.get("data") && model.get("data").byteLength);
    const has = bytes || !!webUrl(model.get("src"));
    syncHeader();
    el.classList.toggle("gnb-audio-interactive", canUpload());
    player.loop = model.get("loop");
    player.hidden = !has;
    el.classList.toggle("gnb-audio-playing", has);
    canvas.hidden = !bytes || !model.get("waveform");
    message.textContent = model.get("message");
    message.hidden = !model.get("message");
    const offered = ["upload", "microphone"].filter((s) => model.get(s === "upload" ? "upload" : "record"));
    if (!offered.includes(active)) active = offered[0] || "";
    const prompting = !has && !model.get("message") && interactive() && !recorder;
    empty.hidden = !prompting || active !== "upload";
    blank.hidden = has || !!model.get("message") || interactive();
    // Gradio's badge floats over an input, and takes a row of its own over an output
    el.classList.toggle("gnb-audio-label-row", !interactive());
    el.classList.toggle("gnb-audio-dashed", prompting && active === "upload");
    tools.hidden = !(has || model.get("message")) || !interactive();
    const why = (s) => (s === "microphone" && !globalThis.MediaRecorder ? "this browser cannot record" : "");
    if (prompting) sources.set(offered, active, why);
    sources.bar.hidden ||= !prompting;
    const canRecord = interactive() && model.get("record") && !!globalThis.MediaRecorder;
    bar.hidden = !recorder && !(canRecord && prompting && active === "microphone");
    record.textContent = recorder ? "■ Stop" : "● Record";
    pauseRec.hidden = !recorder;
    pauseRec.textContent = recorder?.state === "paused" ? "Resume" : "Pause";
  }

  model.on("change:data", showAudio);
  model.on("change:mime", showAudio);
  model.on("change:src", showAudio);
  model.on("change:recording", () => {
    if (model.get("recording")) startRecording();
  });
  for (const name of ["label", "show_label", "pending", "disabled", "upload", "record", "loop", "message", "waveform"]) {
    model.on(`change:${name}`, props);
  }
  for (const name of ["waveform_color", "progress_color"]) model.on(`change:${name}`, draw);
  const resize = new ResizeObserver(() => draw());
  resize.observe(canvas);
  showAudio();
  if (model.get("recording")) startRecording();
  return () => {
    resize.disconnect();
    recorder?.stop();
    if (url) URL.revokeObjectURL(url);
  };
}

export default { render };
