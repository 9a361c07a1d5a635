// Tells the kernel whether this view of an app is on screen, so that its gr.Timers tick only
// while someone can see them (as Gradio's page ticks only while visible). A view that is
// removed (its output cleared) says so; a page that goes away without a word stops the
// heartbeat, and the kernel forgets the view after a while.
function render({ model, el }) {
  el.classList.add("gnb-presence");
  const view = Math.random().toString(36).slice(2);
  const say = (state) => model.send({ presence: state, view });
  const report = () => say(document.visibilityState === "visible" ? "visible" : "hidden");
  report();
  const beat = setInterval(report, model.get("heartbeat") * 1000);
  document.addEventListener("visibilitychange", report);
  return () => {
    clearInterval(beat);
    document.removeEventListener("visibilitychange", report);
    say("gone");
  };
}

export default { render };
