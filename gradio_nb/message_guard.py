"""A guard on the kernel websockets of one-process serving: only Jupyter messages get through.

solara-server reads each frame a page sends on ``/jupyter/api/kernels/...`` as a Jupyter
message and hands it to the page's kernel; a frame that is not one (bad JSON, a broken binary
frame, a message with no ``header.msg_type``) raises in the middle of that page's connection.
:class:`MessageGuard` checks every frame first: a frame that is not a well-formed Jupyter
message closes that page's connection with code 1008 (policy violation) and a reason, so the
visitor sees an error, the server frees the page's session as for any page that left, and
every other visitor is unaffected. Frames above :data:`MAX_MESSAGE_BYTES` are refused by the
websocket server itself (code 1009).
"""

from __future__ import annotations

import json
import struct
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

#: The largest frame a page may send (an upload travels as one comm message): uvicorn's default.
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

#: The close code of a frame that is not a Jupyter message (RFC 6455: policy violation).
POLICY_VIOLATION = 1008

_CHANNELS = frozenset(("shell", "control", "stdin", "iopub"))
_COMM_TYPES = frozenset(("comm_open", "comm_msg", "comm_close"))

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def _binary_header(frame: bytes) -> bytes:
    """The JSON part of a binary Jupyter frame (4-byte count, 4-byte offsets, then parts)."""
    if len(frame) < 8:
        raise ValueError("binary frame shorter than its header")
    (count,) = struct.unpack("!i", frame[:4])
    if not 1 <= count <= 1024 or len(frame) < 4 * (count + 1):
        raise ValueError("binary frame with a bad part count")
    offsets = struct.unpack("!" + "I" * count, frame[4 : 4 * (count + 1)])
    if offsets[0] < 4 * (count + 1) or any(b < a for a, b in zip(offsets, offsets[1:])) or offsets[-1] > len(frame):
        raise ValueError("binary frame with bad part offsets")
    return frame[offsets[0] : offsets[1] if count > 1 else len(frame)]


def message_problem(text: str | None, data: bytes | None) -> str | None:
    """Why a websocket frame is not a Jupyter message a page may send, or None if it is one."""
    try:
        message = json.loads(_binary_header(data) if data is not None else (text or ""))
    except (ValueError, UnicodeDecodeError) as error:
        return f"not a Jupyter message: {error}"
    if not isinstance(message, dict):
        return "not a Jupyter message: not a JSON object"
    header, content = message.get("header"), message.get("content")
    if not isinstance(header, dict) or not isinstance(header.get("msg_type"), str):
        return "not a Jupyter message: no header.msg_type"
    if message.get("channel") not in _CHANNELS:
        return "not a Jupyter message: no known channel"
    if not isinstance(content, dict):
        return "not a Jupyter message: content is not an object"
    if header["msg_type"] in _COMM_TYPES and not isinstance(content.get("comm_id"), str):
        return f"{header['msg_type']} without a comm_id"
    if header["msg_type"] in ("comm_open", "comm_msg") and not isinstance(content.get("data", {}), dict):
        return f"{header['msg_type']} whose data is not an object"
    return None


class MessageGuard:
    """ASGI middleware: closes a kernel websocket on the first frame that is not a Jupyter
    message (see the module's docstring); everything else passes through untouched."""

    def __init__(self, app: ASGIApp, prefix: str = "/jupyter/api/kernels/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]) -> None:
        """Serve one ASGI connection."""
        if scope["type"] != "websocket" or self.prefix not in scope.get("path", ""):
            await self.app(scope, receive, send)
            return
        closed = False

        async def guarded_receive() -> Message:
            nonlocal closed
            event = await receive()
            if event["type"] == "websocket.receive" and not closed:
                problem = message_problem(event.get("text"), event.get("bytes"))
                if problem is not None:
                    closed = True
                    await send({"type": "websocket.close", "code": POLICY_VIOLATION, "reason": problem[:120]})
                    # The app sees the page leave, as when a visitor closes the tab.
                    return {"type": "websocket.disconnect", "code": POLICY_VIOLATION}
            return event

        async def guarded_send(message: Message) -> None:
            if not closed:  # the connection is closed: what the page's kernel still sends is dropped
                await send(message)

        await self.app(scope, guarded_receive, guarded_send)
